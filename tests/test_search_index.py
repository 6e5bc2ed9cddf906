"""The search index itself: Hangul spelled in Latin letters so Pagefind 1.5.2 splits it into
small chunks, the same spelling in Python and in the search page's script, the word parts
that keep results from being lost between chunks, and what a first search downloads."""
from __future__ import annotations

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
from microsite.pipeline import build as build_site
from microsite.search.index import indexed_text, with_word_parts
from microsite.search.latin import decode, encode, encode_html
from microsite.search.terms import word_parts

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


def test_python_and_the_search_page_spell_alike() -> None:
    samples = ["엔비디아가 구글", "Qualcomm과 q", "&quot;인용&quot; &amp; 기호", "H100급·A100", "힣가", "", "ㅎㅏ 조합형"]
    samples += [encode(s) for s in samples]
    script = ("const vm = require('vm'); const fs = require('fs'); const scope = {};"
              "vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), {globalThis: scope});"
              "const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(input.map(s => [scope.MicrositeSearchCode.encode(s), scope.MicrositeSearchCode.decode(s)])));")
    done = subprocess.run(["node", "-e", script, str(ROOT / "assets" / "searchcode.js")], input=json.dumps(samples),
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [[encode(s), decode(s)] for s in samples]


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


def test_word_parts_cover_every_part_that_starts_before_the_last_syllable() -> None:
    parts = word_parts("첨단반도체를 샀다").split()
    assert {"첨", "첨단반도체", "단반", "반도체", "도체", "샀", "샀다"} <= set(parts)
    assert "체" not in parts and "다" not in parts and len(parts) == len(set(parts))


def test_the_parts_go_into_the_indexed_element_hidden_from_excerpts() -> None:
    html = '<main><article data-pagefind-body class="x"><p>반도체</p></article></main>'
    assert with_word_parts(html) == ('<main><article data-pagefind-body class="x"><div hidden data-pagefind-ignore>'
                                      '<span data-pagefind-meta="parts:반 반도 반도체 도 도체"></span></div><p>반도체</p></article></main>')


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


def test_no_result_is_lost_between_index_chunks(generated_site: Path, tmp_path: Path) -> None:
    """Pagefind reads one chunk per query word; the words that merely start with it may lie
    in the next one. Every page with a word that starts with the query must still be found."""
    pages = {}
    for path in generated_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if "data-pagefind-body" in html:
            folder = path.parent.relative_to(generated_site).as_posix()
            pages["/" if folder == "." else f"/{folder}/"] = indexed_text(html).split()
    counts: dict[str, set[str]] = {}
    for url, words in pages.items():
        for word in words:
            for length in (2, 3):
                if re.fullmatch(r"[가-힣]+", word[:length]) and len(word) >= length:
                    counts.setdefault(word[:length], set()).add(url)
    queries = sorted(counts, key=lambda q: (-len(counts[q]), q))[:40]  # the commonest beginnings: the likeliest to straddle chunks
    script = tmp_path / "search.mjs"
    script.write_text(NODE_SEARCH)
    done = subprocess.run(["node", str(script), str(generated_site / "pagefind"), *[encode(q) for q in queries]],
                          capture_output=True, text=True, check=True)
    found = json.loads(done.stdout)
    lost = {query: sorted(counts[query] - {re.sub(r"^/+", "/", url) for url in found[encode(query)]}) for query in queries}
    assert {query: urls for query, urls in lost.items() if urls} == {}
    assert run.first_query(generated_site / "pagefind", "엔비디아")["chunks_total"] > 5  # the test means something


def test_a_first_search_downloads_little(generated_site: Path) -> None:
    first = run.first_query(generated_site / "pagefind", "엔비디아")
    assert first["chunks_needed"] == 1 and first["parts"]["index_chunks"] < 60_000


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
