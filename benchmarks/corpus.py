"""Varied, complete, consistent drafts from a seed: the material the benchmarks feed the product.

A draft here is what a careful author would end up with: every table adds up (FORMAT.md §4 rules
1–4), the numbers quoted in the text are the tables' numbers, section 五 names measures, section 六
speaks of the 信息处理费. Random numbers and phrases make each report different, so the audit reads
a corpus rather than one file a thousand times.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from assistant.core import format as fmt
from assistant.core.draft import (
    AppealCounts,
    ApplicantCounts,
    DocCounts,
    Draft,
    FeeFacts,
    Interview,
    Meta,
    OtherMatters,
    Overview,
    PriorYear,
    Table2,
    Table3,
    Table4,
)

PLACES = (
    "沈阳市",
    "大连市",
    "鞍山市",
    "抚顺市",
    "本溪市",
    "丹东市",
    "锦州市",
    "营口市",
    "阜新市",
    "辽阳市",
    "盘锦市",
    "铁岭市",
    "朝阳市",
    "葫芦岛市",
)
DISTRICTS = (
    "和平区",
    "沈河区",
    "大东区",
    "皇姑区",
    "铁西区",
    "浑南区",
    "于洪区",
    "苏家屯区",
    "新民县",
)
BUREAUS = (
    "人民政府外事办公室",
    "教育局",
    "民政局",
    "司法局",
    "财政局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "商务局",
    "文化旅游和广播电视局",
    "卫生健康委员会",
    "市场监督管理局",
)

CHANNELS = ("门户网站", "政务新媒体", "政务服务大厅", "政府公报", "新闻发布会", "“12345”热线")
AREAS = ("财政预决算", "重大建设项目", "公共资源配置", "社会公益事业", "行政执法", "政策解读")
MEASURES = (
    "进一步完善政府信息公开指南和公开目录",
    "加强政策解读，做到政策文件与解读材料同步起草、同步审签、同步发布",
    "开展政务公开业务培训，提升工作人员业务能力",
    "规范依申请公开办理流程，严格按时限答复",
    "加强门户网站内容保障和安全防护",
    "定期开展已公开信息清理自查",
)
PROBLEMS = (
    "政策解读形式较为单一",
    "部分栏目信息更新不够及时",
    "依申请公开答复文书的规范性有待提高",
    "政务新媒体互动回应不够充分",
    "基层政务公开标准化规范化建设仍有差距",
)
ORDINALS = "一二三四五六"
FACTS = {
    "text": "门户网站、政务新媒体和政务服务大厅",
    "count": "36",
    "lines": "部分栏目更新不够及时\n政策解读形式较为单一",
}
"""Answers to the drafting help's fact questions, by question kind."""


def _sentences(rng: random.Random, pool: tuple[str, ...], count: int) -> list[str]:
    return rng.sample(pool, k=min(count, len(pool)))


def _enumerate(items: list[str]) -> str:
    """一是…；二是…。 in order (rule E19 wants the sequence unbroken)."""
    return "；".join(f"{ORDINALS[i]}是{item}" for i, item in enumerate(items)) + "。"


def _applicants(rng: random.Random, high: int) -> ApplicantCounts:
    return ApplicantCounts(**{k: rng.randint(0, high) for k in fmt.APPLICANT_KEYS})


def _table3(rng: random.Random, busy: bool, *, unpaid: bool) -> Table3:
    """A 表三 satisfying rules 1–3 by construction (like tests/strategies.py, without hypothesis).

    ``unpaid``: whether the row of unpaid fee notices may be non-zero (E11 wants a fee statement).
    """
    high = rng.choice((3, 20, 120)) if busy else 0
    outcomes = {k: _applicants(rng, high if rng.random() < 0.6 else 0) for k in fmt.OUTCOME_KEYS}
    if not unpaid:
        outcomes["other_unpaid_fee"] = ApplicantCounts.zeros()
    carried_out = _applicants(rng, high // 4)
    table = Table3(outcomes=outcomes, carried_out=carried_out)
    total = table.results_total
    new: dict[str, int] = {}
    carried_in: dict[str, int] = {}
    for col in fmt.APPLICANT_KEYS:
        needed = (total.get(col) or 0) + (carried_out.get(col) or 0)
        carried_in[col] = rng.randint(0, needed // 3)
        new[col] = needed - carried_in[col]
    return table.model_copy(
        update={"new": ApplicantCounts(**new), "carried_in": ApplicantCounts(**carried_in)}
    )


def _appeals(rng: random.Random, busy: bool) -> Table4:
    def group() -> AppealCounts:
        high = rng.choice((0, 2, 9)) if busy else 0
        return AppealCounts(**{k: rng.randint(0, high) for k in fmt.APPEAL_RESULT_KEYS})

    return Table4(**{key: group() for key, _ in fmt.APPEAL_GROUPS})


def _agency(rng: random.Random, kind: fmt.AgencyKind) -> str:
    place = rng.choice(PLACES)
    if kind is fmt.AgencyKind.GOVERNMENT:
        return f"{place}{rng.choice(DISTRICTS)}人民政府"
    if kind is fmt.AgencyKind.OTHER:
        return f"{place}{rng.choice(DISTRICTS)}{rng.choice(('档案馆', '政务服务中心'))}"
    county = rng.choice(("", *DISTRICTS))
    return f"{place}{county}{rng.choice(BUREAUS)}"


def complete_draft(
    seed: int,
    *,
    year: int | None = None,
    agency: str | None = None,
    kind: fmt.AgencyKind | None = None,
    last: Draft | None = None,
) -> Draft:
    """A complete draft that passes the checks (warnings acknowledged), different for each seed.

    ``last`` makes it the follow-up of that report (same agency, carried counts agree).
    """
    rng = random.Random(seed)
    drawn = rng.choice(list(fmt.AgencyKind))
    kind = kind or drawn
    year = year if year is not None else rng.randint(2021, 2024)
    busy = rng.random() < 0.8
    charged = busy and rng.random() < 0.2
    table3 = _table3(rng, busy, unpaid=charged)
    if last is not None:
        table3 = _carry_in(table3, last.table3.carried_out)
    table4 = _appeals(rng, busy)
    received = table3.new.total
    finished = table3.results_total.total
    carried = table3.carried_out.total
    reconsideration = table4.reconsideration.total
    items = rng.randint(30, 3000)
    on_request = (
        f"全年共收到政府信息公开申请{received}件，办结{finished}件，结转下年度继续办理{carried}件。"
        f"本年度发生政府信息公开行政复议{reconsideration}件。"
        if busy
        else "本年度未收到政府信息公开申请。"
    )
    overview = Overview(
        intro=f"{year}年，我单位认真贯彻落实《条例》，坚持以公开为常态、不公开为例外。",
        proactive=(
            f"通过{'、'.join(_sentences(rng, CHANNELS, 3))}主动公开政府信息{items}条，"
            f"重点做好{'、'.join(_sentences(rng, AREAS, 2))}等领域信息公开。"
        ),
        on_request=on_request + "严格按照法定时限答复，答复文书规范。",
        management="严格执行信息发布审核和保密审查制度，定期开展已公开信息清理。",
        platform=f"{rng.choice(CHANNELS)}运行平稳，全年访问量{rng.randint(1000, 900000)}人次。",
        oversight=(
            "将政务公开纳入年度工作考核，开展社会评议，本年度未发生责任追究情况。"
            if kind is fmt.AgencyKind.GOVERNMENT
            else "明确专人负责政务公开日常工作，定期研究部署。"
        ),
    )
    fee = FeeFacts(
        charged=charged,
        # At least as many notices as applications dropped for not paying (E11).
        notices=table3.outcomes["other_unpaid_fee"].total + rng.randint(1, 3) if charged else 0,
        billed_yuan=Decimal(rng.randint(10, 900)) if charged else Decimal(0),
        collected_yuan=Decimal(0),
    )
    if charged:
        fee = fee.model_copy(update={"collected_yuan": fee.billed_yuan})
        fee_text = f"本年度发出收费通知{fee.notices}件，收取信息处理费{fee.billed_yuan}元。"
    else:
        fee_text = "本年度未收取信息处理费。"
    issued, repealed = rng.randint(0, 12), rng.randint(0, 4)
    regulations = rng.randint(0, 5)
    in_force = issued + rng.randint(0, 40)
    if last is not None:  # 现行有效 = last year's + 制发 − 废止 (rule 6)
        regulations = last.table2.regulations.in_force or 0
        before = last.table2.normative_documents.in_force or 0
        repealed = min(repealed, before)
        in_force = before + issued - repealed
    draft = Draft(
        meta=Meta(
            agency=agency or _agency(rng, kind),
            kind=kind,
            year=year,
            published=dt.date(year + 1, 1, rng.randint(5, 28)),
            portal=rng.choice((None, "本机关门户网站")),
            contact_lines=rng.choice(([], [f"电话：024-{rng.randint(20000000, 29999999)}"])),
        ),
        overview=overview,
        table2=Table2(
            regulations=DocCounts(issued=0, repealed=0, in_force=regulations),
            normative_documents=DocCounts(issued=issued, repealed=repealed, in_force=in_force),
            licensing=rng.randint(0, 5000),
            punishment=rng.randint(0, 800),
            coercion=rng.randint(0, 50),
            fees=Decimal(rng.randint(0, 5000)) / 100,
        ),
        table3=table3,
        table4=table4,
        problems=(
            f"存在的问题：{'；'.join(_sentences(rng, PROBLEMS, 2))}。"
            f"下一步改进措施：{_enumerate(_sentences(rng, MEASURES, 3))}"
        ),
        other=OtherMatters(
            fee=fee,
            text=fee_text,
            work_points=(
                "认真落实本年度政务公开工作要点，各项任务按期完成。"
                if kind is fmt.AgencyKind.GOVERNMENT
                else None
            ),
            proposals=(
                f"办理人大代表建议{rng.randint(1, 80)}件、政协提案{rng.randint(1, 80)}件，"
                "复文均已按要求公开。"
                if kind is fmt.AgencyKind.GOVERNMENT
                else None
            ),
        ),
        prior=(
            PriorYear(
                year=last.meta.year,
                carried_out=last.table3.carried_out,
                regulations_in_force=last.table2.regulations.in_force,
                normative_documents_in_force=last.table2.normative_documents.in_force,
            )
            if last is not None
            else PriorYear()
        ),
        interview=Interview(answers=gate_answers(busy, table4)),
    )
    return acknowledge_warnings(draft)


def gate_answers(busy: bool, table4: Table4) -> dict[str, object]:
    """Gate answers that lead to every question: every table cell, the drafting help's facts."""
    appeals = any(table4.group(key).total for key, _ in fmt.APPEAL_GROUPS)
    answers: dict[str, object] = {
        "compose_help": True,
        "makes_regulations": True,
        "has_applications": busy,
        "has_appeals": busy or appeals,
    }
    if busy:
        answers["applicant_kinds"] = list(fmt.APPLICANT_KEYS)
        answers["outcome_groups"] = [g.key for g in fmt.OUTCOME_GROUPS]
        for group in fmt.OUTCOME_GROUPS:
            if len(group.leaves) > 1:
                answers[f"items_{group.key}"] = [key for key, _ in group.leaves]
        answers["appeal_kinds"] = [key for key, _ in fmt.APPEAL_GROUPS]
    return answers


def acknowledge_warnings(draft: Draft) -> Draft:
    """The draft with its warnings acknowledged; raises if an error remains (a generator bug)."""
    from assistant.core.checks import run_checks
    from assistant.core.findings import Severity

    findings = run_checks(draft)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        raise AssertionError(f"generated draft has errors: {[(f.rule, f.message) for f in errors]}")
    warnings = [f.key for f in findings if f.severity is Severity.WARNING]
    return draft.model_copy(update={"acknowledged": warnings})


def follow_up(draft: Draft, seed: int) -> Draft:
    """The same agency's next year: last year's 四 is this year's 二 (rule 5 holds)."""
    return complete_draft(
        seed,
        year=(draft.meta.year or 2021) + 1,
        agency=draft.meta.agency,
        kind=draft.meta.kind,
        last=draft,
    )


def _carry_in(table3: Table3, carried: ApplicantCounts) -> Table3:
    """``table3`` with 二 set to ``carried``; 一 (or 四 when 一 would go negative) keeps rule 1."""
    new: dict[str, int] = {}
    out: dict[str, int] = {}
    for col in fmt.APPLICANT_KEYS:
        needed = (table3.new.get(col) or 0) + (table3.carried_in.get(col) or 0)
        inherited = carried.get(col) or 0
        out[col] = (table3.carried_out.get(col) or 0) + max(0, inherited - needed)
        new[col] = max(needed, inherited) - inherited
    return table3.model_copy(
        update={
            "new": ApplicantCounts(**new),
            "carried_in": carried,
            "carried_out": ApplicantCounts(**out),
        }
    )


def write_corpus(folder: Path, count: int, *, seed: int = 2025) -> list[Path]:
    """``count`` published reports, half HTML and half text, agencies with consecutive years."""
    from assistant.render import render_report

    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    taken: set[str | None] = set()
    index = 0
    while len(paths) < count:
        draft = complete_draft(seed * 100_000 + index)
        if draft.meta.agency in taken:  # one series of reports per agency
            index += 1
            continue
        taken.add(draft.meta.agency)
        for year_index in range(min(4, count - len(paths))):
            if year_index:
                draft = follow_up(draft, seed * 100_000 + index + year_index * 7919)
            fmt_name = "html" if len(paths) % 2 == 0 else "txt"
            text = render_report(draft, fmt_name)
            assert isinstance(text, str)
            path = folder / f"report-{len(paths):04d}.{fmt_name}"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        index += 1
    return paths
