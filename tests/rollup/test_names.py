"""Which roster unit a printed name belongs to."""

from __future__ import annotations

import pytest

from assistant.rollup.names import NameIndex, name_key

UNITS = [
    ["某某县教育局"],
    ["某某县卫生健康局", "县卫健委"],
    ["某某县城关镇人民政府"],
    ["某某县新华街道办事处"],
    ["某某县人民政府办公室"],
]


@pytest.mark.parametrize(
    ("printed", "unit", "how"),
    [
        ("某某县教育局", 0, "exact"),
        ("某某县 教育局", 0, "exact"),
        ("教育局", 0, "suffix"),
        ("某某省某某市某某县教育局", 0, "suffix"),
        ("县卫健委", 1, "exact"),
        ("某某县城关镇政府", 2, "exact"),
        ("城关镇人民政府", 2, "suffix"),
        ("某某县新华街道", 3, "exact"),
        ("新华街道办", 3, "suffix"),
        ("某某县人民政府办公室2024年政府信息公开工作年度报告", 4, "exact"),
        ("（某某县教育局）", 0, "exact"),
    ],
)
def test_name_variants_match_their_unit(printed: str, unit: int, how: str) -> None:
    match = NameIndex(UNITS).match(printed)
    assert match.unique == unit
    assert match.how == how


@pytest.mark.parametrize("printed", ["局", "某某县财政局", "", None, "县"])
def test_other_names_match_nothing(printed: str | None) -> None:
    assert NameIndex(UNITS).match(printed).found == ()


def test_a_name_two_units_end_with_is_ambiguous() -> None:
    index = NameIndex([["甲县教育局"], ["乙县教育局"]])
    match = index.match("教育局")
    assert match.found == (0, 1)
    assert match.unique is None


def test_the_file_name_is_the_last_resort() -> None:
    index = NameIndex(UNITS)
    assert index.match_file("2024年某某县教育局年报").unique == 0
    assert index.match_file("县卫健委-2024").unique == 1
    assert index.match_file("report-17").found == ()


def test_keys_ignore_width_punctuation_and_long_forms() -> None:
    assert name_key("某某县（城关镇）人民政府") == name_key("某某县(城关镇)政府")
    assert name_key("ＡＢ局") == name_key("AB局")
