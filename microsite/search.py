"""Build the Pagefind search index from the rendered pages (in memory, no re-crawl)."""
from __future__ import annotations

import asyncio
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .render import OutputPage


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index."""


def build_search_index(pages: list[OutputPage], site_dir: Path) -> int:
    """Index the pages marked for search; returns how many Pagefind accepted."""
    return asyncio.run(_index(pages, site_dir / "pagefind"))


async def _index(pages: list[OutputPage], output: Path) -> int:
    config = IndexConfig(output_path=str(output), write_playground=False)
    indexed = 0
    try:
        async with PagefindIndex(config=config) as index:
            for page in pages:
                if page.indexed:
                    result = await index.add_html_file(content=page.html, url="/" + page.url)
                    indexed += 1 if result else 0
    except Exception as error:  # the binary's failures arrive as assorted exceptions
        raise SearchIndexError(f"Pagefind failed: {error}") from error
    return indexed
