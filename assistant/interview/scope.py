"""The ``/scope`` command of a roll-up draft: what its tables cover, and switching it.

The switch itself is ``assistant.rollup.scope.with_scope`` (pure); here are the words the author
types for each scope and what the interview says about it.
"""

from __future__ import annotations

from typing import Final

from assistant.core.draft import ROLLUP_SCOPE_LABELS, Draft, RollupScope

_WORDS: Final[dict[str, RollupScope]] = {
    "本机关": RollupScope.OWN,
    "机关": RollupScope.OWN,
    "本级": RollupScope.OWN,
    "own": RollupScope.OWN,
    "本行政区域汇总": RollupScope.REGION,
    "本行政区域": RollupScope.REGION,
    "行政区域": RollupScope.REGION,
    "汇总": RollupScope.REGION,
    "region": RollupScope.REGION,
}
USAGE: Final = "输入 /scope 本机关 或 /scope 汇总 可以切换。"
NOT_A_ROLLUP: Final = (
    "这份草稿不是由 nianbao rollup 汇总生成的，没有统计口径可以切换：各表填写的就是本机关的数字。"
)


def parse_scope(argument: str) -> RollupScope | None:
    """The scope meant by ``本机关`` / ``汇总`` (and a few other ways to say them)."""
    return _WORDS.get(argument.strip().lower())


def _meaning(draft: Draft, scope: RollupScope) -> str:
    rollup = draft.rollup
    units = len(rollup.units) if rollup is not None else 0
    if scope is RollupScope.OWN:
        return "表二、表三、表四填写本级政府自己的数字，所属单位的数字不计入"
    if not units:
        return "本次汇总没有计入任何单位，表二、表三、表四仍需逐项填写"
    return f"表二、表三、表四是所属 {units} 个单位的合计"


def current(draft: Draft) -> str:
    """What ``/scope`` without an argument says."""
    assert draft.rollup is not None
    scope = draft.rollup.scope
    return f"本报告的统计口径：{ROLLUP_SCOPE_LABELS[scope]}（{_meaning(draft, scope)}）。{USAGE}"


def greeting(draft: Draft) -> str:
    """Said when a roll-up draft is opened."""
    assert draft.rollup is not None
    scope = draft.rollup.scope
    sources = "汇总来的格子会注明来自哪些单位。" if scope is RollupScope.REGION else ""
    return (
        f"这是由各单位年报汇总生成的草稿，统计口径为「{ROLLUP_SCOPE_LABELS[scope]}」"
        f"（{_meaning(draft, scope)}）。{sources}{USAGE}"
    )


def unknown(argument: str) -> str:
    return f"没有「{argument.strip()}」这种统计口径。{USAGE}"


def unchanged(draft: Draft) -> str:
    assert draft.rollup is not None
    return f"统计口径已经是「{ROLLUP_SCOPE_LABELS[draft.rollup.scope]}」，没有改动。"


def switched(draft: Draft) -> str:
    """Said after the switch (``draft`` is the switched draft)."""
    assert draft.rollup is not None
    scope = draft.rollup.scope
    text = f"统计口径已改为「{ROLLUP_SCOPE_LABELS[scope]}」：{_meaning(draft, scope)}。"
    if scope is RollupScope.OWN:
        return text + "各单位的合计仍保存在草稿中，改回「汇总」即可恢复。"
    return text + "表中原来的数字（如有）已换成合计。"
