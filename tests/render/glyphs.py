"""Which of two faces drew a character in a PDF: its ink compared with both faces' glyphs.

The Noto CJK collections hold the Japanese and the Chinese faces under one internal name, so
pdffonts cannot tell them apart; the glyph forms can (今, 骨, 直 are drawn differently).
"""

from __future__ import annotations

import subprocess
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFont

SIDE = 48


def face(family: str) -> tuple[str, int]:
    """(file, index) of ``family`` as fontconfig finds it."""
    out = subprocess.run(
        ["fc-match", "-f", "%{file}|%{index}", family], capture_output=True, check=True, text=True
    ).stdout
    path, index = out.split("|")
    return path, int(index)


def _normal(image: Image.Image) -> Image.Image:
    """The ink, cropped, scaled to SIDE×SIDE, black on white, one bit."""
    gray = image.convert("L")
    inverted = ImageChops.invert(gray)
    box = inverted.point(lambda v: 255 if v > 96 else 0).getbbox()
    assert box is not None, "no ink"
    return gray.crop(box).resize((SIDE, SIDE)).point(lambda v: 0 if v < 160 else 255)


def reference(family: str, ch: str) -> Image.Image:
    path, index = face(family)
    font = ImageFont.truetype(path, 160, index=index)
    canvas = Image.new("L", (220, 220), 255)
    ImageDraw.Draw(canvas).text((20, 10), ch, font=font, fill=0)
    return _normal(canvas)


def distance(a: Image.Image, b: Image.Image) -> int:
    """Pixels that differ."""
    histogram = ImageChops.difference(a, b).histogram()
    return sum(histogram) - histogram[0]


def printed(page: Any, char: dict[str, Any]) -> Image.Image:
    """The character as printed on a pdfplumber page."""
    box = (char["x0"], char["top"], char["x1"], char["bottom"])
    return _normal(page.crop(box).to_image(resolution=400).original)


def closer_to(page: Any, char: dict[str, Any], first: str, second: str) -> str:
    """The family of the two whose glyph is nearer the printed one."""
    seen = printed(page, char)
    d1 = distance(seen, reference(first, char["text"]))
    d2 = distance(seen, reference(second, char["text"]))
    return first if d1 < d2 else second
