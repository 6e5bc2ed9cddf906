"""The compact index the search page falls back to when the site is opened from disk
(``file://``, where pages may neither fetch nor import modules): one classic script,
``search-index.js``, with every report's and entity's text."""
from __future__ import annotations

import json

from ..content import Corpus
from ..model import SiteModel


def disk_index(model: SiteModel, summary, names, report_url, entity_url) -> bytes:
    """*summary(slug)* is a report as lists show it; *names(slug)*, the names in other languages
    of the entities it mentions (found, as over HTTP, though the text never writes them)."""
    corpus: Corpus = model.corpus
    pages = []
    for report in corpus.reports:
        text = " ".join([*report.deck, *(block.text for block in model.texts[report.slug].blocks), names(report.slug)])
        shown = summary(report.slug)
        pages.append({"url": report_url(report), "title": report.title, "outlet": report.outlet, "kind": "보도",
                      "date": shown["date_label"], "date_sort": report.published, "year": report.published[:4],
                      "language": shown["other_language"], "text": text})
    for entity in corpus.entities:
        text = " ".join([entity.name_en, *(a.text for a in entity.aliases), entity.description])
        pages.append({"url": entity_url(entity.id), "title": entity.name, "outlet": "", "kind": "색인", "date": "",
                      "date_sort": "", "year": "", "language": "", "text": text})
    data = json.dumps(pages, ensure_ascii=False, separators=(",", ":"))
    return f"window.MICROSITE_SEARCH_INDEX = {data};\n".encode("utf-8")
