"""Build the Pagefind search index over the rendered site.

One ``add_directory`` call rather than a call per page: the Python API polls for each
response every 0.1 s, so per-page calls cost 0.1 s a page. Pages opt in to the index with
``data-pagefind-body`` (reports, entities, plain pages); the others are left out.
"""
from __future__ import annotations

import asyncio
import json
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index."""


def build_search_index(site_dir: Path) -> int:
    """Index the HTML pages under *site_dir* into ``site_dir/pagefind``; returns the page count."""
    return asyncio.run(_index(site_dir))


async def _index(site_dir: Path) -> int:
    output = site_dir / "pagefind"
    config = IndexConfig(output_path=str(output), write_playground=False)
    try:
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(site_dir))
    except Exception as error:  # the binary's failures arrive as assorted exceptions
        raise SearchIndexError(f"Pagefind failed: {error}") from error
    entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())
