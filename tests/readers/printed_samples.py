"""Handmade published reports for the reader tests, derived from the shared example.

The example (a real report, extracted from a web page as text with tabs) is copied into
tests/fixtures/reports/ so the tests never depend on the shared folder. Each handmade variant is
the example with one deliberate change, so a test can tell exactly which finding it causes.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from assistant.core.draft import Draft

TESTS = Path(__file__).resolve().parent.parent
FIXTURES = TESTS / "fixtures" / "reports"
EXAMPLE = FIXTURES / "2024_shenyang_waiban.txt"
SHARED_EXAMPLE = (
    TESTS.parent.parent / "shared" / "reference" / "examples" / "2024_shenyang_waiban.txt"
)
SEED = TESTS.parent / "examples" / "shenyang-2024.nianbao.yaml"

T3_NEW = "一、本年新收政府信息公开申请数量\t\t"
T3_TOTAL = "(七)总计\t\t\t"
T3_UNPAID = "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t"
T3_CARRIED_OUT = "四、结转下年度继续办理\t\t\t"
ZEROS7 = "\t".join(["0"] * 7)
ZEROS15 = "\t".join(["0"] * 15)


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def seed_draft() -> Draft:
    return Draft.model_validate(yaml.safe_load(SEED.read_text(encoding="utf-8")))


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced; fails loudly when ``old`` is not there exactly once."""
    assert text.count(old) == 1, f"expected exactly one {old!r}"
    return text.replace(old, new)


def t3_row(text: str, prefix: str, values: list[str]) -> str:
    """The example with the 表三 row starting with ``prefix`` printing ``values`` (7 cells)."""
    return replace_once(text, prefix + ZEROS7, prefix + "\t".join(values))


def variant(change: str) -> str:
    """The example with one named change."""
    text = example_text()
    seven = ["0"] * 7
    if change == "row_sum":  # 一 + 二 ≠ （七） + 四 in 自然人, row totals kept right
        return t3_row(text, T3_NEW, ["3", *seven[1:6], "3"])
    if change == "row_total":  # 总计 column ≠ sum of the row
        return t3_row(text, T3_NEW, ["3", *seven[1:]])
    if change == "column_total":  # （七）总计 ≠ sum of the 21 leaf rows
        return t3_row(text, T3_TOTAL, ["2", *seven[1:6], "2"])
    if change == "appeal_total":  # 表四 复议 10 + 1 results printed with 总计 0
        return replace_once(text, ZEROS15, "\t".join(["10", "1", "0", "0", "0", *(["0"] * 10)]))
    if change == "text_number":  # the text says 5 applications, the table 0
        return replace_once(
            text,
            "2024年，我办没有接到依申请公开的申请。",
            "2024年，我办共收到政府信息公开申请5件。",
        )
    if change == "mistyped_row":
        return replace_once(text, "2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    if change == "trial_2019":
        text = replace_once(
            text,
            "(六)其他处理\t\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t"
            + ZEROS7
            + "\n\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t"
            + ZEROS7
            + "\n\t\t3.其他\t"
            + ZEROS7,
            "(六)其他处理\t\t" + ZEROS7,
        )
        return text
    if change == "trial_2019_table2":  # 2019 columns and the 政府集中采购 block
        text = replace_once(
            text,
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
        )
        return replace_once(
            text,
            "行政事业性收费\t0\t\t\n",
            "行政事业性收费\t0\t\t\n第二十条第（九）项\t\t\t\n信息内容\t采购项目数量\t采购总金额\t\n"
            "政府集中采购\t0\t0\t\n",
        )
    if change == "mistyped_title":
        return replace_once(
            text,
            "四、政府信息公开行政复议、行政诉讼情况",
            "四、政府信息公开行政法复议、行政诉讼情况",
        )
    if change == "missing_section":
        start = text.index("#### 五、存在的主要问题及改进情况")
        end = text.index("## 六、其他需要报告的事项")
        return text[:start] + text[end:]
    if change == "slash_cell":
        return replace_once(
            text, "\t\t3.其他\t" + ZEROS7, "\t\t3.其他\t" + "\t".join(["0", "/", *seven[2:]])
        )
    if change == "negative_cell":
        return replace_once(text, "规章\t0\t0\t0", "规章\t0\t0\t-1")
    if change == "fee_in_wan":
        return replace_once(
            text,
            "## 六、其他需要报告的事项\n\n无\n",
            "## 六、其他需要报告的事项\n\n本年度收取信息处理费0.5万元。\n",
        )
    if change == "unpaid_fee":
        text = t3_row(text, T3_UNPAID, ["1", *seven[1:6], "1"])
        text = t3_row(text, T3_TOTAL, ["1", *seven[1:6], "1"])
        return t3_row(text, T3_NEW, ["1", *seven[1:6], "1"])
    if change == "bare_problems":
        start = text.index("由于我办无政务服务事项")
        end = text.index("\n", start)
        return text[:start] + "无" + text[end:]
    if change == "missing_topic":
        start = text.index("## （五）监督保障")
        end = text.index("## 二、主动公开政府信息情况")
        return text[:start] + text[end:]
    if change == "period_year":
        return replace_once(
            text,
            "报告数据统计期限为 2024 年 1 月 1 日至 2024 年 12 月 31 日",
            "报告数据统计期限为 2023 年 1 月 1 日至 2023 年 12 月 31 日",
        )
    if change == "late":
        return replace_once(text, "2025年1月22日", "2025年3月5日")
    if change == "enumeration":
        return replace_once(
            text,
            "严把政治关、法律关、政策关、保密关、文字关。",
            "一是严把政治关，二是严把法律关，三是严把政策关，三是严把保密关。",
        )
    raise ValueError(change)


def previous_year(text: str, *, carried_out: list[str] | None = None, in_force: str = "0") -> str:
    """A 2023 report of the same agency derived from ``text``."""
    text = text.replace("2024", "2023").replace("2025年1月22日", "2024年1月22日")
    if carried_out is not None:
        text = t3_row(text, T3_CARRIED_OUT, carried_out)
        total = [str(int(a)) for a in carried_out]
        text = t3_row(text, T3_NEW, total)
    if in_force != "0":
        text = replace_once(text, "规章\t0\t0\t0", f"规章\t0\t0\t{in_force}")
    return text
