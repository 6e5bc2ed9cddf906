"""Share images (1200×630 JPEG) for Open Graph and Twitter cards, drawn at build time.

The title is set in a system CJK font when one is installed (``$MICROSITE_FONT``, or what
fontconfig finds for Noto Sans CJK KR); without one the card carries the site's mark and
colours only. Images are cached by content under ``.cache/share-images`` so a rebuild
redraws only what changed.

JPEG rather than PNG: Pillow's PNG encoder spends ~12 ms on a 1200×630 card whatever the
compression level, JPEG ~2 ms, and every card service accepts it.
"""
from __future__ import annotations

import functools
import hashlib
import io
import os
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from ..files import write_atomic

WIDTH, HEIGHT = 1200, 630
TITLE_DRAWN = 200  # characters: more never fit the card's four lines, and would only cost time
BACKGROUND, ACCENT, TEXT, MUTED = (253, 253, 251), (11, 92, 173), (29, 29, 31), (90, 90, 96)


@functools.lru_cache(maxsize=1)
def find_font() -> str | None:
    configured = os.environ.get("MICROSITE_FONT")
    if configured:
        return configured if Path(configured).is_file() else None
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK KR:bold"], capture_output=True, text=True).stdout
        if found and Path(found).is_file() and any(mark in found for mark in ("CJK", "KR", "Nanum", "Malgun")):
            return found  # fontconfig falls back to fonts without Hangul; those would draw boxes
    return None


def share_image(title: str, subtitle: str, site_title: str, cache: Path) -> bytes:
    """The card for a page, from the cache or drawn and cached. Build workers call this
    side by side: the cache file appears whole (renamed into place) or not at all."""
    font = find_font()
    key = hashlib.sha256("\x00".join([title, subtitle, site_title, font or "", "2"]).encode()).hexdigest()[:24]
    cached = cache / f"{key}.jpg"
    try:
        return cached.read_bytes()
    except FileNotFoundError:
        pass
    data = _draw(title[:TITLE_DRAWN], subtitle[:TITLE_DRAWN], site_title[:TITLE_DRAWN], font)
    write_atomic(cached, data)
    return data


def _draw(title: str, subtitle: str, site_title: str, font_path: str | None) -> bytes:
    image = _blank_card(site_title, font_path).copy()
    if font_path:
        draw = ImageDraw.Draw(image)
        big, small = _font(font_path, 64), _font(font_path, 34)
        y = 90
        for line in _wrap(title, big, WIDTH - 160)[:4]:
            draw.text((72, y), line, font=big, fill=TEXT)
            y += 84
        if subtitle:
            draw.text((72, y + 16), _wrap(subtitle, small, WIDTH - 160)[0], font=small, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


@functools.lru_cache(maxsize=2)
def _blank_card(site_title: str, font_path: str | None) -> Image.Image:
    """What every card shares (colours, mark, the site's name), drawn once."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill=ACCENT)
    draw.rectangle((72, HEIGHT - 96, 72 + 56, HEIGHT - 40), fill=ACCENT)
    if font_path:
        draw.text((150, HEIGHT - 90), site_title, font=_font(font_path, 34), fill=MUTED)
    return image


@functools.lru_cache(maxsize=4)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Loading a CJK collection takes a while: once per size."""
    return ImageFont.truetype(path, size, index=_korean_index(path))


def _korean_index(path: str) -> int:
    """Noto Sans CJK collections hold JP, KR, SC, TC, HK faces; the KR face is the second."""
    return 1 if path.endswith(".ttc") else 0


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break at spaces where possible (Korean keeps words whole), at characters otherwise.
    Each word is measured once and a line's width is the sum of its words and spaces."""
    space = font.getlength(" ")
    lines, current, used = [], "", 0.0
    for word in text.split(" "):
        size = font.getlength(word)
        if current and used + space + size <= width:
            current, used = f"{current} {word}", used + space + size
            continue
        if current:
            lines.append(current)
        current, used = word, size
        while used > width:  # a word wider than the card: cut it
            cut = len(current) - 1
            while cut > 1 and font.getlength(current[:cut]) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
            used = font.getlength(current)
    if current:
        lines.append(current)
    if len(lines) > 4:
        lines[3] = lines[3][:-1] + "…"
    return lines
