"""Share images (1200×630 PNG) for Open Graph and Twitter cards, drawn at build time.

The title is set in a system CJK font when one is installed (``$MICROSITE_FONT``, or what
fontconfig finds for Noto Sans CJK KR); without one the card carries the site's mark and
colours only. Images are cached by content under ``.cache/share-images`` so a rebuild
redraws only what changed.
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

WIDTH, HEIGHT = 1200, 630
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
    font = find_font()
    key = hashlib.sha256("\x00".join([title, subtitle, site_title, font or "", "1"]).encode()).hexdigest()[:24]
    cached = cache / f"{key}.png"
    if cached.is_file():
        return cached.read_bytes()
    data = _draw(title, subtitle, site_title, font)
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return data


def _draw(title: str, subtitle: str, site_title: str, font_path: str | None) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 24, HEIGHT), fill=ACCENT)
    draw.rectangle((72, HEIGHT - 96, 72 + 56, HEIGHT - 40), fill=ACCENT)
    if font_path:
        big, small = _font(font_path, 64), _font(font_path, 34)
        y = 90
        for line in _wrap(title, big, draw, WIDTH - 160)[:4]:
            draw.text((72, y), line, font=big, fill=TEXT)
            y += 84
        if subtitle:
            draw.text((72, y + 16), _wrap(subtitle, small, draw, WIDTH - 160)[0], font=small, fill=MUTED)
        draw.text((150, HEIGHT - 90), site_title, font=small, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # fast; the cards are mostly flat colour
    return out.getvalue()


@functools.lru_cache(maxsize=4)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """Loading a CJK collection takes a while: once per size."""
    return ImageFont.truetype(path, size, index=_korean_index(path))


def _korean_index(path: str) -> int:
    """Noto Sans CJK collections hold JP, KR, SC, TC, HK faces; the KR face is the second."""
    return 1 if path.endswith(".ttc") else 0


def _wrap(text: str, font, draw: ImageDraw.ImageDraw, width: int) -> list[str]:
    """Break at spaces where possible (Korean keeps words whole), at characters otherwise."""
    lines, current = [], ""
    for word in text.split(" "):
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while draw.textlength(current, font=font) > width:
            cut = len(current)
            while cut > 1 and draw.textlength(current[:cut], font=font) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > 4:
        lines[3] = lines[3][:-1] + "…"
    return lines
