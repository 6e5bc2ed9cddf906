#!/usr/bin/env python3
"""How exactly the search page answers: precision and recall of the real search (the built
site's search page in Chromium, every result reached with "more results") against a plain
Python reference of the search contract over the pages' text.

    .venv/bin/python benchmarks/search_quality.py --site site                 # over HTTP
    .venv/bin/python benchmarks/search_quality.py --site site --disk          # from file://
    .venv/bin/python benchmarks/search_quality.py --site /tmp/bench/n1000/site --queries 300 --seed 1

The contract (README, "Search") as the reference reads it. A page is found by its fields:
the text Pagefind reads and its metadata values (title, outlet, date, the names in other
languages of the entities it mentions). Its terms are what ``microsite.search.terms`` gives
for those fields (each word, its runs of one script, its stem and a compound's nouns as the
archive's lexicon knows them); the unit tests check those against hand-written answers, and
this benchmark checks that the search page, over HTTP and from disk, answers by them:

- a query word finds the pages it is a term of, and the pages its stem (particles off) is a
  term of;
- a "quoted phrase" (or a word that Pagefind keys as several) finds the pages where its
  words stand one after another, in the text or in one metadata field;
- several words or phrases find the pages that have all of them;
- a word that shares only a prefix or a syllable with a page's words ("딥러닝" and "딥시크")
  finds nothing there.

Queries are sampled per kind (deterministic per --seed): present words, words with a
particle, compound parts, English names, absent words that share a first syllable or a
prefix with present ones, prefixes of present words, two words, phrases.
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
import threading
from collections import defaultdict
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from microsite.lang.ko import strip_endings  # noqa: E402
from microsite.search.index import read_page  # noqa: E402
from microsite.search.terms import lexicon_of, page_terms, positions, words  # noqa: E402

PARTICLES = ["가", "이", "는", "은", "를", "을", "의", "에서", "과", "와", "도", "로"]
FILLER = "뷁뭥퀣햏쀍뛟"  # syllables no Korean word uses


class Reference:
    """The contract over the pages' fields."""

    def __init__(self, pages: dict[str, list[str]]):
        self.raw = pages
        self.fields = {url: [positions(field) for field in fields] for url, fields in pages.items()}
        self.lexicon = lexicon_of(" ".join(fields) for fields in pages.values())
        self.terms = {url: set(page_terms(" ".join(fields), self.lexicon)) for url, fields in pages.items()}
        self.text = {url: words(fields[0]) for url, fields in pages.items()}  # the words of the text, in order
        self.vocabulary = {word for found in self.text.values() for word in found}

    def pages(self, query: str) -> set[str]:
        found: set[str] | None = None
        for unit in units(query):
            pages = self._unit(unit)
            found = pages if found is None else found & pages
        return found or set()

    def _unit(self, unit: list[str]) -> set[str]:
        if len(unit) > 1:
            return {url for url, fields in self.fields.items()
                    if any(all(word in keys for word, keys in zip(unit, field[i:i + len(unit)], strict=False))
                           and i + len(unit) <= len(field) for field in fields for i in range(len(field)))}
        forms = {unit[0], strip_endings(unit[0])}
        return {url for url, terms in self.terms.items() if forms & terms}


def units(query: str) -> list[list[str]]:
    """The query's words and phrases, as the index keys their words (empty ones dropped)."""
    found = [words(phrase or word) for phrase, word in re.findall(r'"([^"]*)"?|(\S+)', query)]
    return [unit for unit in found if unit]


def site_pages(site: Path) -> dict[str, list[str]]:
    """Every page the search indexes: its address under the site and the fields it is found by."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "data-pagefind-body" in html:
            pages[path.relative_to(site).as_posix().removesuffix("index.html")] = read_page(html).fields()
    return pages


def sample(reference: Reference, count: int, seed: int) -> dict[str, list[str]]:
    """Queries per kind, about *count* in all."""
    rng = random.Random(seed)
    korean = sorted(word for word in reference.vocabulary if re.fullmatch(r"[가-힣]{2,}", word))
    latin = sorted(word for word in reference.vocabulary if re.fullmatch(r"[a-z]{3,}", word))
    every_term = set().union(*reference.terms.values())
    compounds = sorted(word for word in korean if len(reference.lexicon.parts(word)) >= 2)
    each = max(count // 8, 1)

    def some(pool, n):
        return rng.sample(pool, min(n, len(pool)))

    absent = []
    for word in some(korean, each * 3):
        candidate = word[:1] + rng.choice(FILLER) + word[1:]
        if candidate not in every_term and len(absent) < each:
            absent.append(candidate)
    prefixes = [word[:2] for word in some([w for w in korean if len(w) >= 4], each * 4)
                if word[:2] not in every_term and strip_endings(word[:2]) not in every_term]
    pairs, phrases = [], []
    for url in some(sorted(reference.text), each * 2):
        found = [w for w in reference.text[url] if len(w) >= 2]
        if len(found) >= 2:
            pairs.append(" ".join(rng.sample(found, 2)))
            start = rng.randrange(len(found) - 1)
            phrases.append(f'"{found[start]} {found[start + 1]}"')
    bare = [word for word in korean if strip_endings(word) == word]  # words with no particle to add one to
    english = sorted({word for fields in reference.raw.values() for field in fields[1:] for word in words(field)
                      if re.fullmatch(r"[a-z]{3,}", word)})
    return {
        "present word": some(korean, each) + some(latin, each // 2),
        "word + particle": [w + rng.choice(PARTICLES) for w in some(bare, each)],
        "compound part": [rng.choice(reference.lexicon.parts(w)) for w in some(compounds, each)],
        "English name": some(english, each),
        "absent, shares a syllable": absent + [w + "x" for w in some(latin, each // 2) if w + "x" not in every_term],
        "prefix only": sorted(set(prefixes))[:each],
        "two words": pairs[:each],
        "phrase": phrases[:each],
    }


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path):
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def search_page_results(page, address: str, query: str) -> set[str]:
    """Every result the search page gives for *query*, as addresses under the site."""
    page.goto(address + "search/" + ("index.html" if address.startswith("file:") else "") + "?q=" + quote(query))
    status = page.locator("#search-status")
    page.wait_for_function("s => !/^(찾는 중…)?$/.test(s.textContent)", arg=status.element_handle(), timeout=60_000)
    more = page.locator("#search-more")
    while more.is_visible():
        shown = page.locator("#search-results li.search-result").count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('#search-results li.search-result').length > {shown}",
                               timeout=60_000)
    hrefs = page.locator("#search-results a.search-result-link").evaluate_all("links => links.map(a => a.href)")
    base = urlsplit(address).path
    return {urlsplit(href).path.removeprefix(base).removesuffix("index.html") for href in hrefs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site/ (with its search index)")
    parser.add_argument("--queries", type=int, default=320)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--disk", action="store_true", help="search from file://, as a copy opened from disk does")
    parser.add_argument("--failures", action="store_true", help="list every query answered wrongly")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    site = args.site.resolve()
    reference = Reference(site_pages(site))
    queries = sample(reference, args.queries, args.seed)
    server, address = (None, site.as_uri() + "/") if args.disk else serve(site)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # queries, right, hits, got, wanted
    failures = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_context(service_workers="block").new_page()
            for kind, batch in queries.items():
                for query in batch:
                    got, wanted = search_page_results(page, address, query), reference.pages(query)
                    row = totals[kind]
                    row[0] += 1
                    row[1] += got == wanted
                    row[2] += len(got & wanted)
                    row[3] += len(got)
                    row[4] += len(wanted)
                    if got != wanted:
                        failures.append(f"{kind}: {query!r}: {len(got - wanted)} extra {sorted(got - wanted)[:3]}, "
                                        f"{len(wanted - got)} missing {sorted(wanted - got)[:3]}")
            browser.close()
    finally:
        if server:
            server.shutdown()
    print(f"{len(reference.fields)} pages, {sum(len(b) for b in queries.values())} queries, "
          f"{'file://' if args.disk else 'HTTP'}\n")
    print("| kind | queries | answered exactly | precision | recall |\n|---|---:|---:|---:|---:|")
    all_rows = [0, 0, 0, 0, 0]
    for kind, row in totals.items():
        all_rows = [a + b for a, b in zip(all_rows, row, strict=True)]
        print(f"| {kind} | {row[0]} | {row[1]} | {share(row[2], row[3])} | {share(row[2], row[4])} |")
    print(f"| **all** | {all_rows[0]} | {all_rows[1]} | **{share(all_rows[2], all_rows[3])}** | "
          f"**{share(all_rows[2], all_rows[4])}** |")
    if args.failures:
        print("\n" + "\n".join(failures))
    if args.json:
        args.json.write_text(json.dumps({kind: dict(zip(("queries", "exact", "hits", "got", "wanted"), row, strict=True))
                                         for kind, row in totals.items()}, ensure_ascii=False, indent=1))
    return 0


def share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "—"


if __name__ == "__main__":
    sys.exit(main())
