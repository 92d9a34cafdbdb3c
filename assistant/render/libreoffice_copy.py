"""The copy of the Word file that LibreOffice converts to PDF; the Word file itself is untouched.

Each official face this machine lacks is named by the face that stands in for it
(:mod:`assistant.render.fonts`): left to choose, LibreOffice sets every Chinese character in one
sans face, often with Japanese glyph forms.

The copy also trades the Word file's character grid (``linesAndChars``: 28 characters a line)
for a line grid and a slightly narrower letter spacing that fits the same 28 characters:
LibreOffice reads a grid with a character pitch as cells far wider than Word's (about 12 a line).

Justified body text is set flush left in the copy. LibreOffice (7.4 at least) hangs a closing
mark that falls just past a full line (a 29th 。，、) into the margin, as Word does on its grid,
but in a justified line it then often prints nothing at all: the mark is lost from the PDF. It
does so with or without the letter spacing, and it does not read ``w:overflowPunct`` to stop the
hanging. Flush left the hanging mark is printed. A line of Chinese alone fills the 28 cells
either way (441 of 442 pt); only a line whose digits or Latin letters leave it short of the
margin now ends a little short instead of being spread to it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from typing import Any, Final

from assistant.render.docx.layout import char_spacing
from assistant.render.fonts import FontChoice

__all__ = ["GRID_SPACING", "for_libreoffice"]

GRID_SPACING: Final = char_spacing()
"""Letter spacing, in twentieths of a point, that sets 28 body characters a line."""
JUSTIFIED: Final = ("both", "distribute")
"""Alignments set flush left in the copy (see the module docstring)."""
_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FONT_SLOTS: Final = tuple(f"{_W}{slot}" for slot in ("ascii", "hAnsi", "eastAsia", "cs"))


def _grid_for_libreoffice(root: Any) -> bool:
    """See the module docstring: a line grid in the document, the spacing on the styles, and
    flush left for justified text."""
    from lxml import etree  # type: ignore[import-untyped]

    changed = False
    for grid in root.iter(f"{_W}docGrid"):
        if grid.get(f"{_W}type") == "linesAndChars":
            grid.set(f"{_W}type", "lines")
            grid.attrib.pop(f"{_W}charSpace", None)
            changed = True
    for style in root.iter(f"{_W}style"):
        snap = style.find(f"{_W}pPr/{_W}snapToGrid")
        on_grid = style.get(f"{_W}styleId") == "Normal"
        off_grid = snap is not None and snap.get(f"{_W}val") in ("0", "false")
        rpr = style.find(f"{_W}rPr")
        if rpr is None or not (on_grid or off_grid) or rpr.find(f"{_W}spacing") is not None:
            continue
        spacing = etree.Element(f"{_W}spacing")
        spacing.set(f"{_W}val", str(GRID_SPACING if on_grid else 0))
        size = rpr.find(f"{_W}sz")
        if size is not None:
            size.addprevious(spacing)
        else:
            rpr.append(spacing)
        changed = True
    for jc in root.iter(f"{_W}jc"):
        if jc.get(f"{_W}val") in JUSTIFIED:
            jc.set(f"{_W}val", "left")
            changed = True
    return changed


def _map_part(xml: bytes, choices: Mapping[str, FontChoice]) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    changed = _grid_for_libreoffice(root)
    for fonts in root.iter(f"{_W}rFonts"):
        bold = False
        for slot in _FONT_SLOTS:
            choice = choices.get(fonts.get(slot, ""))
            if choice is not None and choice.used is not None:
                fonts.set(slot, choice.used)
                bold = bold or choice.bold
                changed = True
        if bold and fonts.getparent().find(f"{_W}b") is None:
            fonts.addnext(etree.Element(f"{_W}b"))
    for font in root.iter(f"{_W}font"):
        choice = choices.get(font.get(f"{_W}name", ""))
        if choice is not None and choice.used is not None:
            font.set(f"{_W}name", choice.used)
            changed = True
    if not changed:
        return xml
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def for_libreoffice(data: bytes, choices: Mapping[str, FontChoice]) -> bytes:
    """A copy of the ``.docx`` for LibreOffice: each official face of ``choices`` replaced by the
    one that stands in for it (in bold where that comes nearer the official look), and the grid
    as LibreOffice reads it right (see the module docstring)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            payload = source.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                payload = _map_part(payload, choices)
            target.writestr(info, payload, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
