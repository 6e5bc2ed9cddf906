"""Search: the Pagefind index built over the site (``index``), with Hangul spelled in
Latin letters for it (``latin``) and the extra terms that let Korean words be found by
their parts and entities by their names in other languages (``terms``); and the compact
index a copy opened from disk falls back to (``disk``)."""
from __future__ import annotations

from .index import build_search_index

__all__ = ["build_search_index"]
