"""What the interview and the renderer say about a roll-up draft's cells and scope (pure).

``provenance_line`` is the line shown on a summed cell's question ("来自 12 个单位，最大：某某局
35"); ``scope_statement`` the sentence the 总体情况 states about what the report covers.
"""

from __future__ import annotations

from assistant.core.draft import Draft, RollupScope, get_path


def provenance_line(draft: Draft, field: str | None) -> str | None:
    """Where the number of the cell at ``field`` (a question's ``field``) came from.

    None for a draft that is not a roll-up, for a field that is not a table cell, when no unit
    was summed, and in the 本机关 scope (the tables are then the government's own). A cell kept
    as the government's own figure says why it is asked.
    """
    rollup = draft.rollup
    if rollup is None or field is None or rollup.scope is RollupScope.OWN or not rollup.units:
        return None
    if field in rollup.own:
        return f"此格不汇总：{rollup.own[field]}。"
    source = rollup.sources.get(field)
    if source is None:
        return None
    if source.units == 0:
        line = f"{len(rollup.units)} 个单位此格均为 0"
    elif source.units == 1:
        line = f"来自 1 个单位：{source.largest} {source.largest_value}"
    else:
        line = f"来自 {source.units} 个单位，最大：{source.largest} {source.largest_value}"
    if source.unknown:
        return (
            f"{line}；另有 {source.unknown} 个单位此格未填，未计入"
            f"（已知部分合计 {source.total}），请核对后填写"
        )
    value = get_path(draft, field)
    if value is not None and value != source.total:
        line += f"（汇总值为 {source.total}，现为 {value}）"
    return line


def scope_statement(draft: Draft) -> str | None:
    """The sentence stating what the report covers, for a roll-up draft; None otherwise (and for
    a regional roll-up that summed no unit: its tables are then answered like any draft's)."""
    rollup = draft.rollup
    if rollup is None or (rollup.scope is RollupScope.REGION and not rollup.units):
        return None
    who = draft.meta.agency or "本级人民政府"
    if rollup.scope is RollupScope.OWN:
        return (
            f"本报告统计的是{who}本机关的政府信息公开工作情况，"
            "所属部门和乡镇（街道）的数据未计入本报告各表。"
        )
    return (
        # Report text: no spaces around the number, as printed reports write it.
        f"本报告表二、表三、表四中的数据为本行政区域汇总数据，由{who}所属{len(rollup.units)}"
        "个部门和乡镇（街道）的年度报告汇总而成；规章和行政事业性收费为本级人民政府的数字。"
    )
