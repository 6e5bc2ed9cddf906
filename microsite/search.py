"""Build the Pagefind search index over the rendered site.

One ``add_directory`` call rather than a call per page: the Python API polls for each
response every 0.1 s, so per-page calls cost 0.1 s a page. Pages opt in to the index with
``data-pagefind-body`` (reports, entities, plain pages); the others are left out.
"""
from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig
from pagefind.service import PagefindService


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index."""


def build_search_index(site_dir: Path, output: Path | None = None) -> int:
    """Index the HTML pages under *site_dir* into *output* (``site_dir/pagefind``); returns the page count.
    The API is asynchronous; it runs on a thread of its own so that callers that already run
    an event loop (the live server, browser-driven tests) can build too."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _index(site_dir, output or site_dir / "pagefind")).result()


async def _index(site_dir: Path, output: Path) -> int:
    config = IndexConfig(output_path=str(output), write_playground=False)
    try:
        async with PagefindService() as service:
            index = await service.create_index(config)
            await index.add_directory(str(site_dir))
            await index.write_files()
            # The binary answers before its writes reach the disk, and closing the service
            # stops it: wait for a complete, settled bundle first.
            return await _finished_bundle(output)
    except SearchIndexError:
        raise
    except Exception as error:  # the binary's failures arrive as assorted exceptions
        raise SearchIndexError(f"Pagefind failed: {error}") from error


async def _finished_bundle(output: Path, timeout: float = 60.0) -> int:
    """The number of pages indexed, once the entry file and the index metadata it names
    are on disk and no file has changed for a moment."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    previous = None
    while True:
        try:
            entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
            languages = entry["languages"]
            complete = all((output / f"pagefind.{language['hash']}.pf_meta").is_file() for language in languages.values())
        except (OSError, ValueError, KeyError):
            complete = False
        state = sorted((str(p), p.stat().st_size) for p in output.rglob("*") if p.is_file()) if output.exists() else None
        if complete and state == previous:
            return sum(language["page_count"] for language in languages.values())
        previous = state
        if loop.time() > deadline:
            raise SearchIndexError(f"Pagefind did not finish writing {output}")
        await asyncio.sleep(0.1)
