"""The parts of the Word package around the text: font table, settings, document properties.

python-docx starts from a template saved by Word 2010 for Mac: its font table lists Japanese
faces, its settings open the file in compatibility mode, and it carries a thumbnail, a
bibliography part and the template's application properties. Each is replaced or dropped here,
so the file is the report's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from assistant.render.docx.layout import BODY_FONT
from assistant.render.docx.ooxml import child, set_attrs
from assistant.render.fonts import GB2312_CHARSET, OFFICIAL_FONTS

REPORT_KIND: Final = "政府信息公开工作年度报告"
WORD_2013: Final = "15"
"""``compatibilityMode`` of a file Word opens in its normal mode (Word 2013 and later)."""
_WORD_URI: Final = "http://schemas.microsoft.com/office/word"

_FONT_TABLE_HEAD: Final = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
)


def font_table_xml() -> bytes:
    """The font table: the Latin face, then each Chinese face with its GB2312 charset and the
    name the same design has on a stock Windows PC, so Word picks that one when the official
    face is missing."""
    entries = [
        f"<w:font w:name={quoteattr(BODY_FONT.latin)}>"
        '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/>'
        '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    ]
    for font in OFFICIAL_FONTS:
        entries.append(
            f"<w:font w:name={quoteattr(font.name)}>"
            f"<w:altName w:val={quoteattr(font.alt_names[0])}/>"
            f'<w:charset w:val="{GB2312_CHARSET}"/>'
            f'<w:family w:val="{font.family}"/><w:pitch w:val="variable"/></w:font>'
        )
    return (_FONT_TABLE_HEAD + "".join(entries) + "</w:fonts>").encode("utf-8")


def app_xml(agency: str) -> bytes:
    """Extended properties naming this program and the agency, none of the template's."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties">'
        "<Application>nianbao 年报助手</Application>"
        "<DocSecurity>0</DocSecurity>"
        f"<Company>{escape(agency)}</Company>"
        "</Properties>"
    ).encode()


def set_core_properties(document: Document, title: str, agency: str) -> None:
    """Title, author (the agency), subject and dates of the report itself."""
    props = document.core_properties
    props.title = title
    props.subject = REPORT_KIND
    props.author = agency
    props.last_modified_by = agency
    props.comments = ""
    props.keywords = REPORT_KIND
    props.category = ""
    props.language = "zh-CN"
    props.revision = 1
    # The template's own 2013 dates would otherwise show in Word's 属性 dialog.
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    props.created = now
    props.modified = now


def _normal_mode(document: Document) -> None:
    compat = child(document.settings.element, "w:compat")
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            set_attrs(setting, val=WORD_2013)
            return
    set_attrs(child(compat, "w:compatSetting"), name="compatibilityMode", uri=_WORD_URI)
    set_attrs(compat[-1], val=WORD_2013)


def _drop(rels: dict[str, object], reltypes: tuple[str, ...]) -> None:
    for rid in [rid for rid, rel in rels.items() if getattr(rel, "reltype", None) in reltypes]:
        del rels[rid]


def tidy_package(document: Document, title: str, agency: str) -> None:
    """Make the package the report's own (see the module docstring)."""
    package = document.part.package
    _drop(package.rels, (RT.THUMBNAIL,))
    _drop(document.part.rels, (RT.CUSTOM_XML,))
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = font_table_xml()
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = app_xml(agency)
    _normal_mode(document)
    set_core_properties(document, title, agency)
