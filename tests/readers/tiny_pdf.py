"""A tiny PDF writer for reader tests: text lines and ruled tables, no external tools.

Text uses a Type0 font with Identity-H encoding (the code of each glyph is its Unicode code point)
and a ToUnicode map, so pdfminer extracts exactly the characters written. Glyphs are not embedded:
the file is for machines, not for eyes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PAGE_W, PAGE_H = 595, 842


@dataclass
class Page:
    ops: list[str] = field(default_factory=list)
    y: float = PAGE_H - 60

    def text(self, x: float, y: float, text: str, size: float = 10) -> None:
        hexed = "".join(f"{ord(ch):04X}" for ch in text if ord(ch) < 0x10000)
        self.ops.append(f"BT /F1 {size} Tf {x:.1f} {y:.1f} Td <{hexed}> Tj ET")

    def line(self, text: str, size: float = 10, x: float = 50) -> None:
        self.text(x, self.y, text, size)
        self.y -= size * 1.8

    def table(
        self, rows: list[list[str]], widths: list[float], size: float = 6, ruled: bool = True
    ) -> None:
        height = size * 2.2
        x0 = 30.0
        top = self.y
        for r, row in enumerate(rows):
            x = x0
            for c, cell in enumerate(row):
                self.text(x + 2, top - (r + 1) * height + size * 0.7, cell, size)
                x += widths[c]
        if ruled:
            total = sum(widths)
            bottom = top - len(rows) * height
            for r in range(len(rows) + 1):
                yy = top - r * height
                self.ops.append(f"{x0:.1f} {yy:.1f} m {x0 + total:.1f} {yy:.1f} l S")
            x = x0
            for w in [0.0, *widths]:
                x += w
                self.ops.append(f"{x:.1f} {top:.1f} m {x:.1f} {bottom:.1f} l S")
        self.y = top - len(rows) * height - 20


def _to_unicode() -> bytes:
    ranges = "\n".join(f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in range(256))
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"256 beginbfrange\n{ranges}\nendbfrange\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode("ascii")


def build_pdf(pages: list[Page]) -> bytes:
    """The pages as a PDF file."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")
    pages_id = add(b"")
    cmap = _to_unicode()
    cmap_id = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    descendant = add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NianbaoTest "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/DW 1000 /CIDToGIDMap /Identity >>"
    )
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NianbaoTest /Encoding /Identity-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (descendant, cmap_id)
    )
    kids = []
    for page in pages:
        content = "\n".join(page.ops).encode("ascii")
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (pages_id, PAGE_W, PAGE_H, font, stream)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)
