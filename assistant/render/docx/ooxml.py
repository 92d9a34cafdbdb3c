"""Small WordprocessingML helpers for what python-docx has no API for.

Chinese fonts only take effect in Word when ``w:eastAsia`` is set in ``w:rFonts``; python-docx's
``font.name`` sets the Latin slots only. Theme font attributes (``w:asciiTheme``...) win over
explicit names, so they are removed wherever fonts are set.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Children of w:rPr in schema order, for the few we insert ourselves.
_RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:color",
    "w:spacing",
    "w:kern",
    "w:sz",
    "w:szCs",
    "w:lang",
)

# Children of w:pPr in schema order, for the ones we insert ourselves.
PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:jc",
    "w:outlineLvl",
)


def child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...] = ()) -> BaseOxmlElement:
    """The first ``tag`` child of ``parent``, created (in ``order`` position) when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found  # type: ignore[no-any-return]
    element: BaseOxmlElement = OxmlElement(tag)
    if tag in order:
        later = {qn(t) for t in order[order.index(tag) + 1 :]}
        for index, existing in enumerate(parent):
            if existing.tag in later:
                parent.insert(index, element)
                return element
    parent.append(element)
    return element


def set_attrs(element: BaseOxmlElement, **attrs: str) -> None:
    """Set ``w:``-namespaced attributes: ``set_attrs(ind, firstLineChars="200")``."""
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)


def set_fonts(rpr: BaseOxmlElement, east_asia: str, latin: str) -> None:
    """Name the East-Asian and Latin fonts of a ``w:rPr``, dropping theme font references."""
    fonts = child(rpr, "w:rFonts", _RPR_ORDER)
    for attr in _THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    set_attrs(fonts, ascii=latin, hAnsi=latin, eastAsia=east_asia, cs=latin, hint="eastAsia")


def set_size(rpr: BaseOxmlElement, points: float) -> None:
    """Font size in points, for both the ordinary and the complex-script slots."""
    half_points = str(round(points * 2))
    set_attrs(child(rpr, "w:sz", _RPR_ORDER), val=half_points)
    set_attrs(child(rpr, "w:szCs", _RPR_ORDER), val=half_points)


def set_lang(rpr: BaseOxmlElement) -> None:
    """Mark text as Simplified Chinese so spell checkers and line breaking treat it as such."""
    set_attrs(child(rpr, "w:lang", _RPR_ORDER), val="en-US", eastAsia="zh-CN", bidi="ar-SA")


def clear_run_look(rpr: BaseOxmlElement) -> None:
    """Remove bold, colour, letter spacing and kerning inherited from a built-in style."""
    for tag in ("w:b", "w:bCs", "w:i", "w:iCs", "w:color", "w:spacing", "w:kern"):
        for element in rpr.findall(qn(tag)):
            rpr.remove(element)
