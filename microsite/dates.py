"""Publication dates at their precision: ``YYYY-MM-DD`` (day) or ``YYYY-MM`` (month)."""
from __future__ import annotations

import calendar
import re

_ISO = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


def parse_published(value: str) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) for a valid value, else None."""
    match = _ISO.match(value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else None
    if not 1 <= month <= 12 or year < 1900:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return year, month, day


def korean_date(value: str) -> str:
    """"2024-07-18" → "2024년 7월 18일", "2024-08" → "2024년 8월"; unknown → ""."""
    parsed = parse_published(value)
    if parsed is None:
        return ""
    year, month, day = parsed
    return f"{year}년 {month}월 {day}일" if day else f"{year}년 {month}월"
