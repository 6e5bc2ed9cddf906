"""Languages: each a package (``lang/ko``, ``lang/en``) with the same names — sentences,
date expressions with their status, chronology headlines and the outlets a sentence
credits (``attribution``), and (Korean) endings and the interface's words. ``language(code)`` gives the package for a
report's or the site's language; Korean rules serve where no package exists yet (they
split sentences and find Latin-script names in any text)."""
from __future__ import annotations

import re
from types import ModuleType

from . import en, ko

PACKAGES: dict[str, ModuleType] = {"ko": ko, "en": en}
DEFAULT = ko


def language(code: str) -> ModuleType:
    return PACKAGES.get((code or "").split("-")[0].lower(), DEFAULT)


def guess(text: str) -> str:
    """The language of a text by its letters: Korean when Hangul is a fair part of them, else English."""
    hangul = len(re.findall(r"[가-힣]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ko" if hangul >= latin / 3 or hangul > 200 else "en"
