#!/usr/bin/env python3
"""How exactly the search page answers: precision and recall of the real search (the built
site's search page in Chromium, every result reached with "more results") against a plain
Python reference of the search contract over the pages' text.

    .venv/bin/python benchmarks/search_quality.py --site site                 # over HTTP
    .venv/bin/python benchmarks/search_quality.py --site site --disk          # from file://
    .venv/bin/python benchmarks/search_quality.py --site /tmp/bench/n1000/site --queries 300 --seed 1

The contract (README, "Search") as the reference reads it. A page's words are the words of
the text Pagefind reads (Hangul runs; Latin and digit runs, lower-cased) and the entity
names it carries in other languages. A query word matches a page that has:

- the word itself;
- the word as the stem of one of its words ("엔비디아" in "엔비디아가"), a stem being a word
  without its particles that also stands alone somewhere in the archive;
- the word as a whole part of a compound ("반도체" in "첨단반도체"): a compound being a word
  that splits, without remainder, into words of two syllables or more that stand alone
  somewhere in the archive, and a part being a run of those words.

A word typed with a particle ("엔비디아가") that matches nothing is looked up without it.
Several words match the pages that have all of them; a "quoted phrase", the pages where its
words stand in that order. A word that shares only a prefix or a syllable with a page's
words ("딥러닝" and "딥시크", "알리" and "알리바바") never matches.

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
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from microsite.lang.ko import strip_endings  # noqa: E402
from microsite.search.index import indexed_text  # noqa: E402

WORD = re.compile(r"[가-힣]+|[A-Za-z0-9][A-Za-z0-9'’-]*")
META_TERMS = re.compile(r'data-pagefind-meta="terms:([^"]*)"')
PARTICLES = ["가", "이", "는", "은", "를", "을", "의", "에서", "과", "와", "도", "로"]
FILLER = "뷁뭥퀣햏쀍뛟"  # syllables no Korean word uses


def words_of(text: str) -> list[str]:
    return [word.lower() for word in WORD.findall(text)]


class Reference:
    """The contract over the pages' text."""

    def __init__(self, pages: dict[str, tuple[str, str]]):
        self.words = {url: words_of(text) for url, (text, _) in pages.items()}  # in the order the page has them
        self.names = {url: words_of(names) for url, (_, names) in pages.items()}  # entity names in other languages
        self.vocabulary = {word for words in self.words.values() for word in words}
        self._splits: dict[str, tuple[str, ...]] = {}
        self.terms = {url: self._terms(self.words[url]) | set(self.names[url]) for url in self.words}

    def _terms(self, words: list[str]) -> set[str]:
        terms = set(words)
        for word in words:
            stem = strip_endings(word)
            if stem != word and stem in self.vocabulary:
                terms.add(stem)
            for source in {word, stem}:
                parts = self.split(source)
                terms.update("".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1))
        return terms

    def split(self, word: str) -> tuple[str, ...]:
        """A Korean compound's words, if it splits into known words of two syllables or more."""
        if word not in self._splits:
            self._splits[word] = ()
            for cut in range(2, len(word) - 1) if re.fullmatch(r"[가-힣]{4,}", word) else ():
                head, tail = word[:cut], word[cut:]
                rest = (tail,) if tail in self.vocabulary else self.split(tail)
                if head in self.vocabulary and rest:
                    self._splits[word] = (head, *rest)
                    break
        return self._splits[word]

    def pages(self, query: str) -> set[str]:
        found: set[str] | None = None
        for unit in units(query):
            pages = self._unit(unit)
            found = pages if found is None else found & pages
        return found or set()

    def _unit(self, unit: str) -> set[str]:
        tokens = words_of(unit)
        if len(tokens) > 1:  # a phrase
            return {url for url, words in self.words.items()
                    if any(words[i:i + len(tokens)] == tokens for i in range(len(words)))}
        word = tokens[0] if tokens else unit.lower()
        pages = {url for url, terms in self.terms.items() if word in terms}
        stripped = strip_endings(word)
        if not pages and stripped != word:
            pages = {url for url, terms in self.terms.items() if stripped in terms}
        return pages


def units(query: str) -> list[str]:
    return [phrase or word for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query)]


def site_pages(site: Path) -> dict[str, tuple[str, str]]:
    """Every page the search indexes: its address under the site, the text it is found by and
    the names in other languages of the entities it mentions."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if "data-pagefind-body" in html:
            url = path.relative_to(site).as_posix().removesuffix("index.html")
            pages[url] = (indexed_text(html), " ".join(unescape(terms) for terms in META_TERMS.findall(html)))
    return pages


def sample(reference: Reference, count: int, seed: int) -> dict[str, list[str]]:
    """Queries per kind, about *count* in all."""
    rng = random.Random(seed)
    korean = sorted(word for word in reference.vocabulary if re.fullmatch(r"[가-힣]{2,}", word))
    latin = sorted(word for word in reference.vocabulary if re.fullmatch(r"[a-z][a-z'’-]{2,}", word))
    every_term = set().union(*reference.terms.values())
    compounds = sorted({word for word in korean if len(reference.split(word)) >= 2})
    each = max(count // 8, 1)

    def some(pool, n):
        return rng.sample(pool, min(n, len(pool)))

    absent = []
    for word in some(korean, each * 3):
        candidate = word[:1] + rng.choice(FILLER) + word[1:]
        if candidate not in every_term and len(absent) < each:
            absent.append(candidate)
    prefixes = [word[:2] for word in some([w for w in korean if len(w) >= 4], each * 4) if word[:2] not in every_term]
    pages = sorted(reference.words)
    pairs, phrases = [], []
    for url in some(pages, each * 2):
        words = [w for w in reference.words[url] if len(w) >= 2]
        if len(words) >= 2:
            pairs.append(" ".join(rng.sample(words, 2)))
            start = rng.randrange(len(words) - 1)
            phrases.append(f'"{words[start]} {words[start + 1]}"')
    bare = [word for word in korean if strip_endings(word) == word]  # words with no particle to add one to
    english = sorted({name for names in reference.names.values() for name in names if re.fullmatch(r"[a-z]{3,}", name)})
    return {
        "present word": some(korean, each) + some(latin, each // 2),
        "word + particle": [w + rng.choice(PARTICLES) for w in some(bare, each)],
        "compound part": [rng.choice(reference.split(w)) for w in some(compounds, each)],
        "English name": some(english, each),
        "absent, shares a syllable": absent + [w + "x" for w in some(latin, each // 2)],
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
        shown = page.locator("#search-results li").count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('#search-results li').length > {shown}", timeout=60_000)
    hrefs = page.locator("#search-results a").evaluate_all("links => links.map(a => a.href)")
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
    print(f"{len(reference.words)} pages, {sum(len(b) for b in queries.values())} queries, "
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
