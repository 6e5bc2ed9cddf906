"""Languages: each a package (``lang/ko``, ``lang/en``) with the same names — sentences,
date expressions with their status, chronology headlines and the outlet a sentence
credits, and (Korean) endings and the interface's words. ``language(code)`` gives the package for a
report's or the site's language; Korean rules serve where no package exists yet (they
split sentences and find Latin-script names in any text)."""
from __future__ import annotations

from types import ModuleType

from . import en, ko

PACKAGES: dict[str, ModuleType] = {"ko": ko, "en": en}
DEFAULT = ko


def language(code: str) -> ModuleType:
    return PACKAGES.get((code or "").split("-")[0].lower(), DEFAULT)
