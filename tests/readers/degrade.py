"""The ways the world degrades a published report, applied to our own renderings.

Each function takes what ``render_report`` wrote (or a PDF's bytes) and returns the report the way
authors actually find it: copied from a portal as one line with the page's chrome around it, copied
out of a PDF viewer, saved from Word as HTML, with the agency on the line above the title. The
fixture builder (``tests/fixtures/reports/corpus/build.py``) writes their output once; the tests
and ``benchmarks/accuracy.py`` read the files.
"""

from __future__ import annotations

import io
import re

import lxml.html  # type: ignore[import-untyped]

CHROME_BEFORE = (
    "当前位置：首页 > 政府信息公开 > 政府信息公开年报 标题：{title} "
    "索引号：11210000MB0000000X/2022-00012 "
    "发布时间：{published} 来源：{agency} 浏览次数：1024 字号：[ 大 中 小 ] 微信 微博 QQ空间 "
    "文字版 全真版 "
)
CHROME_AFTER = (
    " 【打印本页】【关闭窗口】 相关链接：国务院 辽宁省人民政府 主办单位：{agency} "
    "网站标识码：2101000001 辽ICP备05012345号 辽公网安备 21010202000123号 "
    "建议使用IE9以上版本浏览器或其他主流浏览器访问本网站"
)


def one_line(html: str) -> str:
    """A portal page copied as one line: cells and paragraphs run together, chrome around."""
    root = lxml.html.document_fromstring(html)
    title = root.findtext(".//title") or ""
    body = root.body
    for br in body.iter("br"):
        br.tail = br.tail or ""
    article = re.sub(r"\s+", "", body.text_content())
    agency = title.split("20")[0]
    dates = re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日", article)
    published = "-".join(f"{int(x):02d}" for x in dates[-1]) if dates else "2022-01-20"
    before = CHROME_BEFORE.format(title=title, published=published, agency=agency)
    return before + article + CHROME_AFTER.format(agency=agency) + "\n"


def pdf_copy(pdf: bytes) -> str:
    """The PDF's text as a viewer or pdfplumber gives it, with page numbers of every style,
    one of them between two rows of 表三."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [page.extract_text() or "" for page in document.pages]
    styles = ["- {} -", "第{}页", "— {} —", "{}/9"]
    out: list[str] = []
    for number, page in enumerate(pages, start=1):
        lines = [ln for ln in page.splitlines() if not re.fullmatch(r"[—\-\s]*\d+[—\-\s]*", ln)]
        for line in lines:
            out.append(line)
            if line.startswith("2.其他法律行政法规禁止公开"):
                out.append("- 9 -")
        out.append(styles[number % len(styles)].format(number))
    return "\n".join(out) + "\n"


def _word_runs(text: str) -> str:
    """Text cut into spans of a few characters, as Word does at every change of run."""
    parts = [text[i : i + 5] for i in range(0, len(text), 5)]
    return "".join(f"<span lang=ZH-CN style='font-family:仿宋'>{part}</span>" for part in parts)


def word_html(html: str) -> str:
    """The report as Word's "save as web page" writes it: MsoNormal paragraphs, <o:p>, spans."""
    root = lxml.html.document_fromstring(html)
    out = [
        "<html xmlns:v='urn:schemas-microsoft-com:vml' "
        "xmlns:o='urn:schemas-microsoft-com:office:office' "
        "xmlns:w='urn:schemas-microsoft-com:office:word'><head><meta http-equiv=Content-Type "
        "content='text/html; charset=utf-8'><meta name=Generator content='Microsoft Word 15'>"
        "<style><!-- p.MsoNormal {mso-style-parent:''; margin:0cm; font-size:10.5pt;} --></style>"
        "</head><body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>"
    ]
    for element in root.body.iter("h1", "h2", "h3", "p", "table"):
        if element.getparent() is not None and element.getparent().tag in ("td", "th"):
            continue
        if any(a.tag == "table" for a in element.iterancestors()):
            continue
        if element.tag == "table":
            out.append(
                "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
                "style='border-collapse:collapse;mso-table-layout-alt:fixed;mso-padding-alt:0cm'>"
            )
            for tr in element.iter("tr"):
                out.append("<tr style='mso-yfti-irow:0'>")
                for cell in tr:
                    if cell.tag not in ("td", "th"):
                        continue
                    spans = "".join(
                        f" {name}={cell.get(name)}"
                        for name in ("rowspan", "colspan")
                        if cell.get(name)
                    )
                    text = " ".join(cell.text_content().split())
                    out.append(
                        f"<td{spans} style='border:solid windowtext 1.0pt;mso-border-alt:solid "
                        f"windowtext .5pt'><p class=MsoNormal align=center>{_word_runs(text)}"
                        "<span lang=EN-US><o:p></o:p></span></p></td>"
                    )
                out.append("</tr>")
            out.append("</table>")
            continue
        text = " ".join(element.text_content().split())
        if not text:
            continue
        out.append(
            f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
            f"{_word_runs(text)}<span lang=EN-US><o:p></o:p></span></p>"
        )
    out.append(
        "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></div></body></html>"
    )
    return "\n".join(out) + "\n"


def portal_without_signoff(html: str) -> str:
    """A portal page whose article has no 落款, followed by the site's footer (not a <footer>)."""
    root = lxml.html.document_fromstring(html)
    for element in list(root.body.iter()):
        if element.get("class") == "signoff":
            element.getparent().remove(element)
            break
    title = root.findtext(".//title") or ""
    agency = title.split("20")[0]
    footer = lxml.html.fragment_fromstring(
        "<div class='bottom'><p>【打印本页】【关闭窗口】</p><p>主办单位："
        + agency
        + "　地址：幸福路1号　邮编：110000</p><p>网站标识码：2101000001　辽ICP备05012345号</p>"
        "<p>建议使用1366×768分辨率浏览本站</p></div>"
    )
    root.body.append(footer)
    return lxml.html.tostring(root, encoding="unicode")


def agency_above(text: str, agency: str) -> str:
    """The txt rendering with the agency on the line above the title, and a path line before."""
    first, _, rest = text.partition("\n")
    assert first.startswith(agency), first
    return (
        f"本地目录: /home/user/下载/{agency}2021年报告\n\n{agency}\n{first[len(agency) :]}\n{rest}"
    )
