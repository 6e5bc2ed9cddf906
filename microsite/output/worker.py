"""Offline reading after one visit: a service worker that caches the site and its search
bundle. It is versioned by the build's fingerprint (everything the build read), so the
next build's worker replaces it and drops the old cache; it always asks the network first, so an online reader never gets
a stale page, and falls back to the cache only when the network is gone.

A first visit fetches the whole site in the background only while the site is small
(``PRECACHE_BUDGET``); a large archive's worker fetches what a reader needs first — the
assets, the search bundle's core, the top-level pages, then reports, entity pages and
the rest of the search index — until the budget is spent, and keeps every other page
once it has been read."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

_SKIP = ("share/", "sw.js", "search-index.js")  # share images are for other sites' cards; the disk index is for file://
PRECACHE_BUDGET = 20_000_000  # bytes

WORKER = Path(__file__).with_name("worker.js").read_text(encoding="utf-8")


def service_worker(site: Path, version: str, budget: int = PRECACHE_BUDGET) -> bytes:
    """The worker for the files now in *site* (pages as their folder addresses), for the
    build whose fingerprint is *version*."""
    found = []
    for directory, _, names in os.walk(site):
        inside = os.path.relpath(directory, site).replace(os.sep, "/")
        for file_name in names:
            name = file_name if inside == "." else f"{inside}/{file_name}"
            if not name.startswith(_SKIP) and not name.startswith("."):
                found.append((_priority(name), name, os.stat(os.path.join(directory, file_name)).st_size))
    files, spent = [], 0
    for _, name, size in sorted(found):
        if spent + size <= budget:
            spent += size
            files.append(name[: -len("index.html")] if name.endswith("index.html") else name)
    files = ["./" + name if name else "./" for name in sorted(files)]
    worker = re.sub(r"^const VERSION = .*$", lambda _: f"const VERSION = {json.dumps('microsite-' + version[:16])};",
                    WORKER, count=1, flags=re.M)
    worker = re.sub(r"^const FILES = .*$", lambda _: f"const FILES = {json.dumps(files, ensure_ascii=False)};",
                    worker, count=1, flags=re.M)
    return worker.encode("utf-8")


def _priority(name: str) -> int:
    """Which files a first visit caches first (0 first)."""
    top = name.count("/") <= 1 and name.endswith(".html")  # index.html, search/index.html, 404.html, …
    if name.startswith("assets/") or top or (name.startswith("pagefind/") and name.count("/") == 1):
        return 0
    if name.startswith(("reports/", "pagefind/")) or (name.startswith("entities/") and name.count("/") == 2):
        return 1
    return 2
