"""The human side of a draft file: header, section comments and a label after each key.

Keys in the file are English identifiers (stable, easy to migrate); the comments give the
official Chinese label beside each one so that a person editing the file by hand knows which cell
of which table a number belongs to. Official labels come from ``core.format`` only.
"""

from __future__ import annotations

from typing import Final

from yaml.nodes import MappingNode, Node, ScalarNode

from assistant.core import format as fmt
from assistant.store.yamlio import mapping_items

HEADER_MARK: Final = "# 年报助手草稿文件"
END_MARK: Final = "# 草稿结束"

HEADER: Final = (
    f"{HEADER_MARK}（政府信息公开工作年度报告）\n"
    "# 可以用文本编辑器直接修改：冒号后留空表示尚未回答；多行文字写在“|”下方，保持缩进。\n"
    "# “#”之后是说明，不影响内容。每次保存时，上一版会留作同名的 .bak 文件。\n"
)
FOOTER: Final = f"\n{END_MARK}（请保留这一行：缺少它说明文件不完整）\n"

_SECTION_TITLE = {s.key: s.title for s in fmt.SECTIONS}
TOP_COMMENTS: Final[dict[str, str]] = {
    "schema_version": "文件格式版本（请勿修改）",
    "meta": "基本信息",
    "overview": _SECTION_TITLE["overview"],
    "table2": _SECTION_TITLE["proactive"],
    "table3": _SECTION_TITLE["applications"],
    "table4": _SECTION_TITLE["appeals"],
    "problems": _SECTION_TITLE["problems"],
    "other": _SECTION_TITLE["other"],
    "prior": "上一年度的数据（用于跨年度核对）",
    "acknowledged": "已确认的提醒",
    "interview": "问答进度（年报助手内部使用）",
}

# The answers outside the tables are named by ``fmt.FIELD_TITLES`` (the names the checks and
# the messages use too); the file adds only a hint on how to write the value.
_HINTS: Final = {
    "meta.kind": "：" + "、".join(f"{k}（{v}）" for k, v in fmt.AGENCY_KIND_LABELS.items()),
    "meta.published": "，如 2025-01-22",
    "meta.deadline": "（留空则按条例规定）",
    "meta.contact_lines": "，每行一条",
    "other.fee.charged": "：true 或 false",
}
_FEE_GROUP: Final = "信息处理费"
_DOC_COLUMNS = dict(zip(fmt.DOC_COUNT_FIELDS, fmt.T2_DOCUMENTS.columns, strict=True))
_TABLE2 = {key: label for block in fmt.TABLE2_BLOCKS for key, label in block.rows}
_TABLE2["fees"] = f"{_TABLE2['fees']} {fmt.T2_FEES.columns[0]}"
_TABLE3_ROWS = {
    "new": fmt.T3_NEW,
    "carried_in": fmt.T3_CARRIED_IN,
    "outcomes": fmt.T3_RESULTS,
    "carried_out": fmt.T3_CARRIED_OUT,
}

_INTERVIEW = {
    "answers": "对是否类问题的回答等",
    "skipped": "暂时跳过、稍后再答的问题",
    "unconfirmed": "沿用上年、尚未确认的项目",
    "zeroed": "因不适用而自动填 0 的表格（写到某一级，表示其下各格）",
    "kept": "自动填 0 前您填过的数字，重新适用时恢复",
    "drafted": "助手按当时的数字起草的段落，数字变了时据此重写或提醒",
}


def _outcome_label(key: str) -> str:
    group = fmt.OUTCOME_GROUP_OF[key]
    leaf = fmt.OUTCOME_LABEL[key]
    return leaf if leaf == group.label else f"{group.label} {leaf}"


def label_for(path: tuple[str, ...]) -> str | None:
    """The Chinese label written beside the key at ``path``, if it has one."""
    dotted = ".".join(path)
    if dotted in fmt.FIELD_TITLES:
        return fmt.FIELD_TITLES[dotted] + _HINTS.get(dotted, "")
    match path:
        case ("overview", "intro"):
            return "开头段落（可不填）"
        case ("overview", key) if key in fmt.OVERVIEW_TOPIC_BY_KEY:
            return fmt.OVERVIEW_TOPIC_BY_KEY[key].title
        case ("table2", key):
            return _TABLE2.get(key)
        case ("table2", _, column):
            return _DOC_COLUMNS.get(column)
        case ("table3", "outcomes", key) if key in fmt.OUTCOME_LABEL:
            return _outcome_label(key)
        case ("table3", key):
            return _TABLE3_ROWS.get(key)
        case ("table3", *_, column) | ("prior", "carried_out", column):
            return fmt.APPLICANT_LABEL.get(column)
        case ("table4", group):
            return fmt.APPEAL_GROUP_LABEL.get(group)
        case ("table4", _, result):
            return fmt.APPEAL_RESULT_LABEL.get(result)
        case ("other", "fee"):
            return _FEE_GROUP
        case ("interview", key):
            return _INTERVIEW.get(key)
    return None


def _labels(node: MappingNode, path: tuple[str, ...], out: dict[int, str]) -> None:
    for key, value in mapping_items(node):
        if not isinstance(key, ScalarNode):
            continue
        here = (*path, str(key.value))
        line = key.start_mark.line
        label = label_for(here)
        single_line = value.end_mark.line == line or (
            isinstance(value, ScalarNode) and value.style in ("|", ">")
        )
        ends_line = not isinstance(value, ScalarNode) and value.start_mark.line > line
        if label and (single_line or ends_line):
            out[line] = label
        if isinstance(value, MappingNode):
            _labels(value, here, out)


def decorate(body: str, root: Node) -> str:
    """``body`` (plain YAML of a draft, composed as ``root``) with header, comments and footer."""
    labels: dict[int, str] = {}
    tops: dict[int, str] = {}
    if isinstance(root, MappingNode):
        _labels(root, (), labels)
        for key, _ in mapping_items(root):
            if isinstance(key, ScalarNode) and str(key.value) in TOP_COMMENTS:
                tops[key.start_mark.line] = TOP_COMMENTS[str(key.value)]
    lines = body.rstrip("\n").split("\n")
    out: list[str] = []
    for number, line in enumerate(lines):
        if number in tops:
            if out:
                out.append("")
            out.append(f"# {tops[number]}")
        if number in labels:
            line = f"{line.rstrip()}  # {labels[number]}"
        out.append(line)
    return HEADER + "\n" + "\n".join(out) + "\n" + FOOTER
