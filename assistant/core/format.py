"""The official report format (国办公开办函〔2021〕30号) as data.

Every label here is the format's own wording and must stay verbatim: templates, checks, readers
and the terminal UI all read labels from this module and nowhere else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

FORMAT_NAME: Final = "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
REGULATION: Final = "《中华人民共和国政府信息公开条例》"


class AgencyKind(StrEnum):
    """Who publishes the report; decides the deadline and the extra topics."""

    DEPARTMENT = "department"
    """A 部门 of a government at county level or above: publish by 1月31日."""
    GOVERNMENT = "government"
    """A 县级以上地方人民政府 (its own report): publish by 3月31日, extra topics."""
    OTHER = "other"
    """Any other publisher (township, public institution...): deadline as for a department."""


AGENCY_KIND_LABELS: Final[dict[AgencyKind, str]] = {
    AgencyKind.DEPARTMENT: "县级以上人民政府部门",
    AgencyKind.GOVERNMENT: "县级以上地方人民政府",
    AgencyKind.OTHER: "其他机关（乡镇、街道等）",
}

# (month, day) of the year after the report year, 条例 第四十九条.
DEFAULT_DEADLINE: Final[dict[AgencyKind, tuple[int, int]]] = {
    AgencyKind.DEPARTMENT: (1, 31),
    AgencyKind.GOVERNMENT: (3, 31),
    AgencyKind.OTHER: (1, 31),
}


@dataclass(frozen=True)
class Section:
    key: str
    number: str
    name: str
    brief: str
    """A short name for narrow places (the sidebar); never printed in a report."""

    @property
    def title(self) -> str:
        return f"{self.number}、{self.name}"

    @property
    def short_title(self) -> str:
        return f"{self.number}、{self.brief}"


SECTIONS: Final = (
    Section("overview", "一", "总体情况", "总体情况"),
    Section("proactive", "二", "主动公开政府信息情况", "主动公开"),
    Section("applications", "三", "收到和处理政府信息公开申请情况", "依申请公开"),
    Section("appeals", "四", "政府信息公开行政复议、行政诉讼情况", "复议和诉讼"),
    Section("problems", "五", "存在的主要问题及改进情况", "问题和改进"),
    Section("other", "六", "其他需要报告的事项", "其他事项"),
)
SECTION_BY_KEY: Final = {s.key: s for s in SECTIONS}


@dataclass(frozen=True)
class Topic:
    key: str
    number: str
    name: str

    @property
    def title(self) -> str:
        return f"（{self.number}）{self.name}"


# The five sub-headings of 一、总体情况.
OVERVIEW_TOPICS: Final = (
    Topic("proactive", "一", "主动公开"),
    Topic("on_request", "二", "依申请公开"),
    Topic("management", "三", "政府信息管理"),
    Topic("platform", "四", "政府信息公开平台建设"),
    Topic("oversight", "五", "监督保障"),
)
OVERVIEW_TOPIC_BY_KEY: Final = {t.key: t for t in OVERVIEW_TOPICS}
GOVERNMENT_OVERSIGHT_TERMS: Final = ("工作考核", "社会评议", "责任追究")

# ---------------------------------------------------------------- 表二 主动公开政府信息情况

T2_CONTENT: Final = "信息内容"


@dataclass(frozen=True)
class Table2Block:
    key: str
    title: str
    columns: tuple[str, ...]
    """Value column labels, after the 信息内容 column."""
    rows: tuple[tuple[str, str], ...]
    """(field key, label) per row."""


T2_DOCUMENTS: Final = Table2Block(
    "documents",
    "第二十条第（一）项",
    ("本年制发件数", "本年废止件数", "现行有效件数"),
    (("regulations", "规章"), ("normative_documents", "行政规范性文件")),
)
T2_LICENSING: Final = Table2Block(
    "licensing", "第二十条第（五）项", ("本年处理决定数量",), (("licensing", "行政许可"),)
)
T2_ENFORCEMENT: Final = Table2Block(
    "enforcement",
    "第二十条第（六）项",
    ("本年处理决定数量",),
    (("punishment", "行政处罚"), ("coercion", "行政强制")),
)
T2_FEES: Final = Table2Block(
    "fees", "第二十条第（八）项", ("本年收费金额（单位：万元）",), (("fees", "行政事业性收费"),)
)
TABLE2_BLOCKS: Final = (T2_DOCUMENTS, T2_LICENSING, T2_ENFORCEMENT, T2_FEES)
# Field keys of the three document counts, in column order.
DOC_COUNT_FIELDS: Final = ("issued", "repealed", "in_force")

# ---------------------------------------------------------------- 表三 收到和处理申请情况

T3_CORNER: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANT: Final = "申请人情况"
T3_LEGAL_PERSONS: Final = "法人或其他组织"
TOTAL: Final = "总计"

# (key, label) of the six applicant columns; 总计 is computed.
APPLICANTS: Final = (
    ("natural", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("welfare", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other", "其他"),
)
APPLICANT_KEYS: Final = tuple(k for k, _ in APPLICANTS)
APPLICANT_LABEL: Final = dict(APPLICANTS)
TOTAL_KEY: Final = "total"
"""Key of a 总计 column (表三's seventh, each 表四 group's fifth) in grids of facts."""
T3_COLUMNS: Final = (*APPLICANTS, (TOTAL_KEY, TOTAL))
"""All seven value columns of 表三, 总计 included: (key, label)."""
T3_COLUMN_KEYS: Final = tuple(k for k, _ in T3_COLUMNS)
T3_COLUMN_LABEL: Final = dict(T3_COLUMNS)

T3_NEW: Final = "一、本年新收政府信息公开申请数量"
T3_CARRIED_IN: Final = "二、上年结转政府信息公开申请数量"
T3_RESULTS: Final = "三、本年度办理结果"
T3_RESULTS_TOTAL: Final = "（七）总计"
T3_CARRIED_OUT: Final = "四、结转下年度继续办理"


@dataclass(frozen=True)
class OutcomeGroup:
    key: str
    label: str
    """（一）予以公开 ... as printed."""
    items: tuple[tuple[str, str], ...]
    """(leaf key, label) of its numbered items; empty when the group is itself a leaf."""

    @property
    def leaves(self) -> tuple[tuple[str, str], ...]:
        return self.items or ((self.key, self.label),)


OUTCOME_GROUPS: Final = (
    OutcomeGroup("disclosed", "（一）予以公开", ()),
    OutcomeGroup("partly", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ()),
    OutcomeGroup(
        "withheld",
        "（三）不予公开",
        (
            ("withheld_secret", "1.属于国家秘密"),
            ("withheld_law", "2.其他法律行政法规禁止公开"),
            ("withheld_security", "3.危及“三安全一稳定”"),
            ("withheld_third_party", "4.保护第三方合法权益"),
            ("withheld_internal", "5.属于三类内部事务信息"),
            ("withheld_process", "6.属于四类过程性信息"),
            ("withheld_case_file", "7.属于行政执法案卷"),
            ("withheld_query", "8.属于行政查询事项"),
        ),
    ),
    OutcomeGroup(
        "unavailable",
        "（四）无法提供",
        (
            ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
            ("unavailable_to_create", "2.没有现成信息需要另行制作"),
            ("unavailable_unclear", "3.补正后申请内容仍不明确"),
        ),
    ),
    OutcomeGroup(
        "not_processed",
        "（五）不予处理",
        (
            ("not_processed_petition", "1.信访举报投诉类申请"),
            ("not_processed_repeat", "2.重复申请"),
            ("not_processed_publication", "3.要求提供公开出版物"),
            ("not_processed_mass", "4.无正当理由大量反复申请"),
            ("not_processed_confirm", "5.要求行政机关确认或重新出具已获取信息"),
        ),
    ),
    OutcomeGroup(
        "other_handling",
        "（六）其他处理",
        (
            (
                "other_no_correction",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            ),
            (
                "other_unpaid_fee",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            ),
            ("other_other", "3.其他"),
        ),
    ),
)
OUTCOME_KEYS: Final = tuple(k for g in OUTCOME_GROUPS for k, _ in g.leaves)
OUTCOME_LABEL: Final = {k: label for g in OUTCOME_GROUPS for k, label in g.leaves}
OUTCOME_GROUP_OF: Final = {k: g for g in OUTCOME_GROUPS for k, _ in g.leaves}
assert len(OUTCOME_KEYS) == 21

# Rows holding numbers, in printed order: (key, label). Outcome rows carry the item label only.
T3_VALUE_ROWS: Final = (
    ("new", T3_NEW),
    ("carried_in", T3_CARRIED_IN),
    *((k, OUTCOME_LABEL[k]) for k in OUTCOME_KEYS),
    ("results_total", T3_RESULTS_TOTAL),
    ("carried_out", T3_CARRIED_OUT),
)
# Printed: 3 header rows + 25 value rows = the 28 rows of the official table.
T3_ROW_KEYS: Final = tuple(k for k, _ in T3_VALUE_ROWS)
T3_ROW_LABEL: Final = dict(T3_VALUE_ROWS)

# ---------------------------------------------------------------- 表四 行政复议、行政诉讼

T4_RECONSIDERATION: Final = "行政复议"
T4_LITIGATION: Final = "行政诉讼"

APPEAL_GROUPS: Final = (
    ("reconsideration", "行政复议"),
    ("direct_suit", "未经复议直接起诉"),
    ("suit_after", "复议后起诉"),
)
APPEAL_GROUP_LABEL: Final = dict(APPEAL_GROUPS)
APPEAL_RESULTS: Final = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
)
APPEAL_RESULT_KEYS: Final = tuple(k for k, _ in APPEAL_RESULTS)
APPEAL_RESULT_LABEL: Final = dict(APPEAL_RESULTS)
T4_COLUMNS: Final = (*APPEAL_RESULTS, (TOTAL_KEY, TOTAL))
"""The five value columns of each 表四 group, 总计 included: (key, label)."""
T4_COLUMN_KEYS: Final = tuple(k for k, _ in T4_COLUMNS)
T4_COLUMN_LABEL: Final = dict(T4_COLUMNS)

# Short names of the three tables, as reviewers and the checks call them, by section key.
TABLE_NAMES: Final = {"proactive": "表二", "applications": "表三", "appeals": "表四"}

# ---------------------------------------------------------------- 六、信息处理费

FEE_MEASURE: Final = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"

# ---------------------------------------------------------------- front matter and sign-off

# The opening paragraph as real reports print it (not fixed by the format, but near-universal).
INTRO_BASIS: Final = f"根据{REGULATION}（以下简称《条例》）规定编制本报告。"
INTRO_PERIOD: Final = "报告数据统计期限为{year}年1月1日至{year}年12月31日。"
INTRO_PORTAL: Final = "本报告可在{portal}查阅。"
INTRO_CONTACT: Final = "如对本报告有疑问，请与{agency}联系（{contacts}）。"
# Dates are written with Arabic numerals and no zero padding: 2025年1月22日.
DATE_PATTERN: Final = "{year}年{month}月{day}日"


def chinese_date(day: dt.date) -> str:
    """2025年1月22日: how the report writes a date."""
    return DATE_PATTERN.format(year=day.year, month=day.month, day=day.day)


def default_deadline(kind: AgencyKind | None, year: int) -> dt.date:
    """The 条例's publication deadline for a report on ``year`` (a department when unknown)."""
    month, day = DEFAULT_DEADLINE[kind or AgencyKind.DEPARTMENT]
    return dt.date(year + 1, month, day)


# ---------------------------------------------------------------- field titles, the title

FIELD_TITLES: Final[dict[str, str]] = {
    "meta.agency": "机关全称",
    "meta.kind": "机关类型",
    "meta.year": "报告年度",
    "meta.published": "发布日期（落款日期）",
    "meta.deadline": "发布期限",
    "meta.portal": "报告查阅地址",
    "meta.contact_lines": "联系方式",
    "other.fee.charged": "是否收取信息处理费",
    "other.fee.notices": "信息处理费收费通知件数",
    "other.fee.billed_yuan": "应收信息处理费金额（元）",
    "other.fee.collected_yuan": "实收信息处理费金额（元）",
    "other.work_points": "政务公开工作要点落实情况",
    "other.proposals": "人大代表建议和政协提案办理结果公开情况",
    "other.text": "其他需要报告的事项",
    "prior.year": "上年报告的年度",
    "prior.carried_out": "上年的“四、结转下年度继续办理”",
    "prior.regulations_in_force": "上年规章的现行有效件数",
    "prior.normative_documents_in_force": "上年行政规范性文件的现行有效件数",
    "prior.problems": "上年报告的“存在的主要问题及改进情况”",
    "prior.report_text": "上年报告的全文",
}
"""What each answer outside the tables is called, by field path: the one source for the
checks' messages and the draft file's comments (table cells are named by their rows and
columns above)."""
REPORT_KIND: Final = "政府信息公开工作年度报告"


def report_title(agency: str, year: int | str) -> str:
    """The report's title: ``沈阳市人民政府外事办公室2024年政府信息公开工作年度报告``."""
    return f"{agency}{year}年{REPORT_KIND}"


# ---------------------------------------------------------------- the 2019 trial format

# 国办公开办函〔2019〕60号, still copied by some agencies; readers flag it (E7). Only what tells it
# apart from the 2021 format is listed.
TRIAL_2019_NAME: Final = "2019年试行格式（国办公开办函〔2019〕60号）"
TRIAL_2019_T2_COLUMNS: Final = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "处理决定数量",
    "采购项目数量",
    "采购总金额",
)
"""表二 column labels of the 2019 format that the 2021 format no longer has."""
TRIAL_2019_T2_BLOCK: Final = "第二十条第（九）项"
TRIAL_2019_PROCUREMENT: Final = "政府集中采购"
TRIAL_2019_T2_ROWS: Final = ("规范性文件", "其他对外管理服务事项")
"""表二 row labels of the 2019 format (规范性文件 without 行政)."""
