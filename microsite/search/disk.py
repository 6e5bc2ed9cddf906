"""The compact index the search page falls back to when the site is opened from disk
(``file://``, where pages may neither fetch nor import modules): one classic script,
``search-index.js``, made from the same pages and the same terms as the Pagefind index, so
that a search from disk answers as one over HTTP does."""
from __future__ import annotations

import json
import os
from pathlib import Path

FILTERS = ("종류", "매체", "연도", "개체", "이름")


def write_disk_index(target: Path, pages: dict, terms: dict[str, list[str]]) -> None:
    """*pages*: path under the site → ``index.IndexedPage``; *terms*: path → its words."""
    entries = []
    for path, page in pages.items():
        entries.append({"url": path, "meta": {name: value for name, value in page.meta.items() if name != "terms"},
                        "filters": {name: page.filters[name] for name in FILTERS if name in page.filters},
                        "date_sort": page.sort.get("date", ""), "text": page.text, "terms": " ".join(terms[path])})
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    # A new file, never written in place: the folder may hold links to the live site's files.
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(f"window.MICROSITE_SEARCH_INDEX = {data};\n", encoding="utf-8")
    os.replace(temporary, target)
