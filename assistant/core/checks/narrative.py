"""Narrative sections: E12 (五 without substance), E13 (一's topics), E19 (enumerations)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from assistant.core import format as fmt
from assistant.core.checks.places import editable, finding, part_place, quoted, section_title
from assistant.core.facts import ReportFacts
from assistant.core.findings import Finding, Location
from assistant.core.numerals import parse_integer

# ---------------------------------------------------------------- E12

_MEASURES: Final = re.compile(
    r"下一步|今后|下一年|明年|将|加强|改进|完善|推进|提升|持续|进一步|整改|落实|优化|强化|健全"
    r"|规范|建立|加大|措施|做好"
)
_NOTHING: Final = frozenset({"无", "暂无", "没有", "无问题", "不存在", "没有问题", "无此类情况"})
_PUNCTUATION: Final = re.compile(r"[\s。.，,；;！!、]")
_SENTENCE: Final = re.compile(r"[^。；;！!？?\n]+")
# "存在不足：无。" – a problem announced, then none given.
_NONE_GIVEN: Final = re.compile(
    r"[：:]\s*(?:无|暂无|没有)(?:明显|突出)?(?:的)?(?:问题|不足)?\s*(?:[。；;，,！!]|$)"
)
# "未发现明显问题", "不存在问题", "暂无问题": the text says there is nothing to improve.
_NO_PROBLEM: Final = re.compile(
    r"(?:未发现|没有发现|未发生|不存在|没有|暂无|无)"
    r"(?:明显|突出|重大|较大|主要|其他|任何)?(?:的)?(?:问题|不足)"
)
# Words that describe a shortcoming; a text with one of them names a problem after all.
_SHORTCOMING: Final = re.compile(
    r"不足|不够|不到位|有待|欠缺|薄弱|短板|差距|滞后|不及时|不完善|不健全|不规范|不平衡|不深入"
    r"|不高|不强|不多|较少|偏少|单一|较弱|缺乏|不全面"
)


def _says_no_problem(text: str) -> str | None:
    """The sentence by which 五 gives no problem ("存在不足：无。", "未发现明显问题。"), or None
    when it names one."""
    sentences = [m.group(0).strip() for m in _SENTENCE.finditer(text)]
    for sentence in sentences:
        if _NONE_GIVEN.search(sentence):
            return sentence
    claims = [s for s in sentences if _NO_PROBLEM.search(s)]
    if claims and not _SHORTCOMING.search(_NO_PROBLEM.sub("", text)):
        return claims[0]
    return None


def check_problems(facts: ReportFacts) -> Iterator[Finding]:
    """E12: 五 empty, a bare "无" (also "存在不足：无。"), only "no problems", or no concrete
    measure."""
    text = facts.section_text("problems")
    bare = _PUNCTUATION.sub("", text)
    title = section_title("problems")
    if not bare:
        problem = f"{title}为空"
    elif bare in _NOTHING or len(bare) <= 4:
        problem = f"{title}只写了{quoted(text.strip())}"
    elif (sentence := _says_no_problem(text)) is not None:
        problem = f"{title}写的是{quoted(sentence)}，没有写出具体的问题"
    elif not _MEASURES.search(text):
        problem = f"{title}没有写出具体的改进措施"
    else:
        return
    yield finding(
        "E12",
        Location(section="problems", field=editable(facts, "problems"), text=title),
        f"{problem}，审查时会被指出。",
        "写明本年发现的具体问题和下一年的改进措施，并说明上年所列问题的整改情况。",
    )


# ---------------------------------------------------------------- E13

# Words that show a topic is covered when 一 is not split into sub-headings (a printed report).
_TOPIC_WORDS: Final = {
    "proactive": ("主动公开",),
    "on_request": ("依申请",),
    "management": ("信息管理",),
    "platform": ("平台",),
    "oversight": ("监督", "保障"),
}
# A printed topic opens on its own sub-heading, which alone is no content.
_TOPIC_HEADING: Final = re.compile(r"^[\s#]*（[一二三四五]）[^\n]{0,20}(?:\n|$)")
# Wordings reviewers accept for each of the government's three oversight results.
_OVERSIGHT_WORDS: Final = {
    "工作考核": ("考核",),
    "社会评议": ("评议",),
    "责任追究": ("责任追究", "追责", "问责"),
}
assert tuple(_OVERSIGHT_WORDS) == fmt.GOVERNMENT_OVERSIGHT_TERMS


def check_topics(facts: ReportFacts) -> Iterator[Finding]:
    """E13: each of the five topics present; for a government, 监督保障's three results."""
    overview = section_title("overview")
    whole = facts.section_text("overview")
    texts: dict[str, str] = {}
    for topic in fmt.OVERVIEW_TOPICS:
        if facts.topics_known:
            text = "\n".join(p.text for p in facts.parts if p.topic == topic.key)
            present = bool(_TOPIC_HEADING.sub("", text).strip())
        else:
            text = whole
            present = any(w in whole for w in (topic.name, *_TOPIC_WORDS[topic.key]))
        texts[topic.key] = text
        if present:
            continue
        yield finding(
            "E13",
            Location(
                section="overview",
                row=topic.key,
                field=editable(facts, f"overview.{topic.key}"),
                text=overview + topic.title,
            ),
            f"{overview}缺少{quoted(topic.title)}方面的内容。",
            "补写该方面本年的具体做法；格式要求总体情况的内容不得缺项，也不要泛泛而谈。",
        )
    if facts.kind != fmt.AgencyKind.GOVERNMENT or not texts["oversight"].strip():
        return
    missing = [
        t
        for t, words in _OVERSIGHT_WORDS.items()
        if not any(w in texts["oversight"] for w in words)
    ]
    if not missing:
        return
    oversight = fmt.OVERVIEW_TOPIC_BY_KEY["oversight"].title
    yield finding(
        "E13",
        Location(
            section="overview",
            row="oversight",
            column="government",
            field=editable(facts, "overview.oversight"),
            text=overview + oversight,
        ),
        f"{overview}{oversight}没有写{'、'.join(missing)}结果情况。",
        f"县级以上人民政府应在{oversight}中写明{'、'.join(fmt.GOVERNMENT_OVERSIGHT_TERMS)}"
        "结果情况；没有的也应如实说明。",
    )


# ---------------------------------------------------------------- E19

_CN: Final = "一二三四五六七八九十"
_ITEM: Final = re.compile(rf"(?:^|(?<=[。；;：:，,\s！!？?）)]))([{_CN}]{{1,3}})是")
_HEADING: Final = re.compile(rf"^[\s#]*（([{_CN}]{{1,3}})）", re.MULTILINE)
_NUMBERED: Final = re.compile(r"^[\s#]*(\d{1,2})[.．、](?!\d)", re.MULTILINE)
_FIRST_THEN: Final = re.compile(r"首先|其次")


def _numbers(tokens: list[str]) -> list[int]:
    return [parse_integer(t) or 0 for t in tokens]


def _first_break(numbers: list[int], previous: int = 0) -> int | None:
    """Index of the first number that neither restarts at 1 nor follows its predecessor."""
    for index, number in enumerate(numbers):
        if number != 1 and number != previous + 1:
            return index
        previous = number
    return None


def _broken(tokens: list[str], show: str, start: int = 0) -> str | None:
    """The sequence up to its first break ("一是…三是…三是"), None when in order."""
    broken = _first_break(_numbers(tokens[start:]), _numbers(tokens[start - 1 : start] or ["0"])[0])
    if broken is None:
        return None
    return "…".join(show.format(t) for t in tokens[: start + broken + 1])


def _sequence_problems(text: str, headings: list[str], section_broken: bool) -> list[str]:
    """Breaks in one passage; （一） headings continue ``headings`` of earlier passages of its
    section (extended here), and only the first break of a section is told."""
    problems: list[str] = []
    for pattern, show in ((_ITEM, "{}是"), (_NUMBERED, "{}.")):
        broken = _broken([m.group(1) for m in pattern.finditer(text)], show)
        if broken is not None:
            problems.append(broken)
    start = len(headings)
    headings += [m.group(1) for m in _HEADING.finditer(text)]
    broken = None if section_broken else _broken(headings, "（{}）", start)
    if broken is not None:
        problems.append(broken)
    words = [m.group(0) for m in _FIRST_THEN.finditer(text)]
    if words and words[0] == "其次":
        problems.append("“其次”前没有“首先”")
    return problems


def check_enumerations(facts: ReportFacts) -> Iterator[Finding]:
    """E19: "一是…三是…三是", （一）（三）, 1. 3., 其次 without 首先.

    Items are numbered within a passage; sub-headings run on through a section, since a printed
    一、总体情况 comes as one passage per topic, each opening on its own heading.
    """
    headings: dict[str, list[str]] = {}
    broken_sections: set[str] = set()
    for part in facts.parts:
        seen = headings.setdefault(part.section, [])
        problems = _sequence_problems(part.text, seen, part.section in broken_sections)
        if _first_break(_numbers(seen)) is not None:
            broken_sections.add(part.section)
        if not problems:
            continue
        place = part_place(part)
        yield finding(
            "E19",
            Location(section=part.section, row=part.topic, field=part.field, text=place),
            f"{place}的序号不连续或重复：{'；'.join(problems)}。",
            "按顺序更正序号（一是、二是、三是……；（一）（二）（三）……）。",
        )
