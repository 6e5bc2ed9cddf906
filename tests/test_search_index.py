"""The search index itself: Hangul spelled in Latin letters so Pagefind 1.5.2 splits it into
small chunks; the words a page is found by (its terms: stems and compound nouns as the
archive knows them, never a prefix); the same spelling, keys and stems in Python and in
the search page's script; exact lookups that find every page of a term whatever chunk it
lies in; and what a first search downloads."""
from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from microsite.content.config import load_config
from microsite.errors import Diagnostics
from microsite.lang.ko import ENDINGS, STEM, strip_endings
from microsite.lang.ko.lexicon import Lexicon
from microsite.pipeline import build as build_site
from microsite.search.index import indexed_text, read_page, with_terms
from microsite.search.latin import decode, encode, encode_html
from microsite.search.terms import lexicon_of, page_terms, positions, words

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402
import run  # noqa: E402

TEXT = st.lists(st.sampled_from(list("가각힣엔비디아qQzZ &;#amp quot 1") + ["&amp;", "&quot;", "&#39;"]), max_size=30).map("".join)


@given(TEXT)
def test_the_spelling_is_reversible(text: str) -> None:
    assert decode(encode(text)) == text


@given(TEXT, TEXT)
def test_a_prefix_stays_a_prefix(word: str, rest: str) -> None:
    assert encode(word + rest).startswith(encode(word))


def test_the_spelling_is_plain_lowercase_latin_for_hangul() -> None:
    assert re.fullmatch(r"(q[a-pr-z][a-z]{2})+", encode("엔비디아의"))
    assert encode("가") == "qaaa" and encode("힣") != encode("힢")
    assert encode("H100급 q") == "H100" + encode("급") + " qq"


def run_searchcode(calls: str, samples: list) -> list:
    """Each sample through assets/searchcode.js: *calls* maps the sample ``s`` (and the page's
    ``endings`` and ``stem``) to a JSON value."""
    script = ("const vm = require('vm'); const fs = require('fs'); const scope = {};"
              "vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), {globalThis: scope});"
              "const code = scope.MicrositeSearchCode; const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
              "const stem = code.stemmer(input.endings, input.stem);"
              f"console.log(JSON.stringify(input.samples.map(s => {calls})));")
    done = subprocess.run(["node", "-e", script, str(ROOT / "assets" / "searchcode.js")],
                          input=json.dumps({"samples": samples, "endings": list(ENDINGS), "stem": STEM}),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_python_and_the_search_page_spell_alike() -> None:
    samples = ["엔비디아가 구글", "Qualcomm과 q", "&quot;인용&quot; &amp; 기호", "H100급·A100", "힣가", "", "ㅎㅏ 조합형"]
    samples += [encode(s) for s in samples]
    assert run_searchcode("[code.encode(s), code.decode(s)]", samples) == [[encode(s), decode(s)] for s in samples]


def test_python_and_the_search_page_key_words_and_find_stems_alike() -> None:
    samples = ["엔비디아가", "상무부에서는", "바이든", "H100을", "nvidia", "텐센트·알리바바", "쓰촨 대학교(Sichuan University)를",
               "Café, “인용” — 끝.", "한국이었다", "미국과의", "ÉCOLE  x-ray", "가", "이다", "첨단반도체를", "ＡＢＣ１２"]
    got = run_searchcode("[code.words(s), code.positions(s).map(k => k.sort()), code.words(s).map(stem)]", samples)
    assert got == [[words(s), [sorted(keys) for keys in positions(s)], [strip_endings(w) for w in words(s)]] for s in samples]


def test_words_are_keyed_as_pagefind_keys_them() -> None:
    assert words("Café, “엔비디아”의 H20칩을 — 텐센트·알리바바") == ["cafe", "엔비디아의", "h20칩을", "텐센트알리바바"]
    assert positions("쓰촨 대학교(Sichuan) — 끝") == [{"쓰촨"}, {"대학교sichuan", "대학교", "sichuan"}, set(), {"끝"}]


ARCHIVE = ("엔비디아가 엔비디아의 바이든 반도체를 첨단 첨단반도체 대형언어모델을 대형 언어 모델을 호주 호주머니 "
           "하는 제공하는 제공 하고 제공하고 캐나다 H20칩을 텐센트·알리바바 알리바바가 기술 언어모델").split()


def test_a_stem_counts_only_when_the_archive_knows_it() -> None:
    lexicon = Lexicon(words(" ".join(ARCHIVE)))
    assert lexicon.stem("엔비디아가") == "엔비디아"  # seen before a case particle (엔비디아의)
    assert lexicon.stem("반도체를") == "반도체"
    assert lexicon.stem("바이든") == ""  # 든 can be a particle, but 바이 is no word of the archive
    assert lexicon.stem("엔비디아") == ""  # nothing to take off


def test_a_compound_splits_only_into_nouns_the_archive_knows() -> None:
    lexicon = Lexicon(words(" ".join(ARCHIVE)))
    assert lexicon.parts("대형언어모델") == ("대형", "언어", "모델")
    assert lexicon.parts("첨단반도체") == ("첨단", "반도체")
    assert lexicon.parts("호주머니") == ()  # 머니 is not a word here
    assert lexicon.parts("제공하는") == ()  # 하는 is a verb form, not a noun
    assert lexicon.parts("제공하고") == ()  # 하고 stands alone, but never before a particle: the last part must be a noun
    assert lexicon.parts("언어기술") == ()  # nor is 기술, here
    assert set(lexicon.terms("대형언어모델을")) == {"대형언어모델을", "대형언어모델", "대형", "언어", "모델", "대형언어", "언어모델"}


def test_a_page_is_found_by_its_words_their_runs_stems_and_nouns_never_by_a_prefix() -> None:
    lexicon = lexicon_of([" ".join(ARCHIVE)])
    terms = page_terms("H20칩을 텐센트·알리바바 첨단반도체를 엔비디아가", lexicon)
    assert {"h20칩을", "h20", "칩을", "텐센트알리바바", "텐센트", "알리바바", "첨단반도체를", "첨단반도체", "첨단", "반도체",
            "엔비디아가", "엔비디아"} <= set(terms)
    assert len(terms) == len(set(terms))
    assert not {"엔비", "엔비디", "첨단반", "반도", "알리", "텐센"} & set(terms)


def test_the_terms_go_into_the_indexed_element_hidden_from_excerpts_and_apart() -> None:
    html = '<main><article data-pagefind-body class="x"><p>반도체</p></article></main>'
    assert with_terms(html, ["반도체", "칩"]) == ('<main><article data-pagefind-body class="x"><div hidden data-pagefind-ignore>'
                                                 '<span data-pagefind-meta="terms:반도체 · 칩"></span></div><p>반도체</p></article></main>')


def test_a_page_is_read_as_pagefind_reads_it() -> None:
    page = read_page('<html lang="ko"><h1>밖</h1><article data-pagefind-body data-pagefind-filter="종류:보도">'
                     '<h1 data-pagefind-meta="title">제목 <span>둘</span></h1><time data-pagefind-meta="날짜" '
                     'data-pagefind-sort="date:2024-07-01">7월 1일</time><div data-pagefind-ignore>무시 '
                     '<span data-pagefind-meta="names:Nvidia 엔비디아" data-pagefind-filter="매체:한겨레"></span></div>'
                     '<p>본문 &amp; 끝</p></article></html>')
    assert page.text.split() == ["제목", "둘", "7월", "1일", "본문", "&", "끝"]
    assert page.meta == {"title": "제목 둘", "날짜": "7월 1일", "names": "Nvidia 엔비디아"}
    assert page.filters == {"종류": ["보도"], "매체": ["한겨레"]} and page.sort == {"date": "2024-07-01"}


def test_encode_html_keeps_tags_filters_and_character_references() -> None:
    html = ('<p class="q">엔비디아 &quot;q&quot;</p><span data-pagefind-filter="매체:한겨레" '
            'data-pagefind-meta="title:제목"></span><span data-pagefind-meta="분류">기업</span>')
    assert encode_html(html) == (f'<p class="q">{encode("엔비디아")} &quot;qq&quot;</p><span data-pagefind-filter="매체:한겨레" '
                                 f'data-pagefind-meta="title:{encode("제목")}"></span><span data-pagefind-meta="분류">{encode("기업")}</span>')


def test_indexed_text_is_what_pagefind_reads() -> None:
    html = ('<html><body><nav>메뉴</nav><article data-pagefind-body><h1>첨단반도체</h1><br><img alt="그림">'
            '<div data-pagefind-ignore><p>무시할 문장</p></div><p>본문 &amp; 끝</p><script>var 스크립트;</script>'
            '</article><footer>바닥글</footer></body></html>')
    assert indexed_text(html).split() == ["첨단반도체", "본문", "&", "끝"]


NODE_SEARCH = r"""
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
const [bundle, ...queries] = process.argv.slice(2);
globalThis.fetch = async (input) => new Response(await readFile(decodeURIComponent(new URL(String(input)).pathname)));
const pagefind = await import(pathToFileURL(bundle + "/pagefind.js").href);
await pagefind.options({ basePath: pathToFileURL(bundle + "/").href, baseUrl: "/" });
const found = {};
for (const query of queries) {
  const search = await pagefind.search(query);
  found[query] = (await Promise.all(search.results.map((r) => r.data()))).map((d) => d.url);
}
console.log(JSON.stringify(found));
"""


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("index") / "generated"
    corpus.generate(150, 5, project)
    build_site(load_config(project), Diagnostics(stream=io.StringIO()))
    return project / "site"


def test_an_exact_lookup_finds_every_page_of_a_term_whatever_chunk_it_lies_in(generated_site: Path, tmp_path: Path) -> None:
    """The search page decides membership by exact lookups ('"word"'), one per word; each
    must return every page the word is a term of, across the index's many chunks."""
    pages = {}
    for path in generated_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "data-pagefind-body" in html:
            page = read_page(html)
            folder = path.parent.relative_to(generated_site).as_posix()
            pages["/" if folder == "." else f"/{folder}/"] = page.searched()
    lexicon = lexicon_of(pages.values())
    having: dict[str, set[str]] = {}
    for url, text in pages.items():
        for term in page_terms(text, lexicon):
            having.setdefault(term, set()).add(url)
    hangul = sorted((t for t in having if re.fullmatch(r"[가-힣]{2,}", t)), key=lambda t: (-len(having[t]), t))
    queries = hangul[:30] + hangul[-10:] + ["nvidia", "h100"]
    script = tmp_path / "search.mjs"
    script.write_text(NODE_SEARCH)
    done = subprocess.run(["node", str(script), str(generated_site / "pagefind"), *[f'"{encode(q)}"' for q in queries]],
                          capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    got = {query: {re.sub(r"^/+", "/", url) for url in found[f'"{encode(query)}"']} for query in queries}
    assert {q: (sorted(got[q] - having[q])[:3], sorted(having[q] - got[q])[:3]) for q in queries if got[q] != having[q]} == {}
    assert run.first_query(generated_site / "pagefind", "엔비디아")["chunks_total"] > 5  # the test means something
    assert any(len(having[q]) > 100 for q in queries)


def test_a_first_search_downloads_little(generated_site: Path) -> None:
    first = run.first_query(generated_site / "pagefind", "엔비디아")
    assert first["chunks_needed"] <= 2 and first["parts"]["index_chunks"] < 60_000


def test_a_pagefind_that_crashes_stops_the_build_with_a_clear_error(tmp_path: Path) -> None:
    """A panic in Pagefind's binary (a 35-character language tag made 1.5.2 panic) left the
    build waiting forever: it must end, exit 1, and say so, with the previous site intact."""
    from conftest import copy_project
    project = copy_project(tmp_path / "project", with_reports=True)
    crashing = tmp_path / "pagefind"
    crashing.write_text("#!/bin/sh\nhead -c 1 > /dev/null\necho \"thread 'main' panicked\"\nexit 101\n")
    crashing.chmod(0o755)
    result = subprocess.run([sys.executable, "build.py"], cwd=project, capture_output=True, text=True, timeout=300,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PAGEFIND_BINARY_PATH": str(crashing)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Pagefind stopped before it finished (exit code 101)" in result.stderr
    assert not (project / "site").exists()  # nothing half-built was put in place


def test_the_facets_file_lists_each_filter_values_pages_and_the_date_order(generated_site: Path) -> None:
    """Read back as the search page reads it, facets.json gives the same pages per filter
    value as Pagefind's own filter files, and the pages in date order."""
    from microsite.search.index import _read_chunk
    bundle = generated_site / "pagefind"
    facets = json.loads((bundle / "facets.json").read_text(encoding="utf-8"))

    def numbers(text: str, steps: bool) -> list[int]:
        at, found = 0, []
        for piece in text.split(",") if text else []:
            at = (at if steps else 0) + int(piece, 36)
            found.append(at)
        return found

    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    meta = _read_chunk(bundle / f"pagefind.{next(iter(entry['languages'].values()))['hash']}.pf_meta")
    assert facets["pages"] == [page for page, _ in meta[1]]
    for name, chunk in meta[3]:
        _, values = _read_chunk(bundle / "filter" / f"{chunk}.pf_filter")
        assert {value: numbers(facets["filters"][name][value], True) for value, _ in values} == \
            {value: sorted(pages) for value, pages in values}
    dates = numbers(facets["sorts"]["date"], False)
    assert dates == dict(meta[4])["date"] and len(dates) > 100
    published = [read_page((generated_site / _url_of(bundle, facets["pages"][page])).read_text(encoding="utf-8")).sort["date"]
                 for page in dates[:40]]
    assert published == sorted(published)


def _url_of(bundle: Path, page: str) -> str:
    """The address of a page in the bundle (a fragment is gzip of "pagefind_dcd" + JSON)."""
    fragment = json.loads(gzip.decompress((bundle / "fragment" / f"{page}.pf_fragment").read_bytes())[len("pagefind_dcd"):])
    return fragment["url"].lstrip("/") + "index.html"
