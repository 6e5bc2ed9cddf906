"""Hostile input: what broken, strange or malicious seeds, pages, registry entries, curation,
templates, configuration and HTTP requests do to the build and the live preview.

What a demanding user expects, whatever the input:
- a user mistake ends in ``path:line: message`` on stderr (the line where there is one),
  never a traceback; the exit status is non-zero when the build cannot go on, and a
  ``path: warning: …`` when it can;
- a failed build leaves the last good ``site/`` untouched, and no build writes anything
  outside ``site/``, ``content/`` and ``.cache/``;
- nothing active from any input reaches the output: no ``<script>`` other than the site's
  own ``<script src>``, no ``on…=`` handler, no ``javascript:`` URL; and every page carries a
  Content-Security-Policy that lets only the site's own scripts run.
"""
from __future__ import annotations

import codecs
import contextlib
import hashlib
import http.client
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
import traceback
import unicodedata
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Comment
from conftest import ROOT, copy_project, live_session, serve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from microsite import cli
from microsite.ingest.decode import NotText, decode_seed
from microsite.ingest.normalize import extract
from microsite.serve import LiveSession

# --------------------------------------------------------------------------- inputs

TITLE = "클라우드 규제 시험 기사"
BODY = ("미국 정부가 클라우드 서비스 규제를 확대한다고 2일 밝혔다.",
        "규제 대상에는 해외 데이터센터 임대가 포함된다.",
        "업계는 새 규정이 미칠 영향을 분석하고 있다.")
RIGHTS = "ⓒ 시험일보. 무단전재 및 재배포 금지."


def article(*middle: str) -> str:
    """A plain-text capture: headline, byline, stamp, the three BODY sentences (with
    *middle* lines after the first), rights."""
    return "\n".join([TITLE, "홍길동 기자", "입력 2024.05.02 10:00", BODY[0], *middle, BODY[1], BODY[2], RIGHTS]) + "\n"


ENGLISH = """Chinese AI firms rent overseas cloud capacity
By John Smith
Published: May 2, 2024
SEOUL, May 2 (Yonhap) -- Chinese artificial intelligence companies are renting Nvidia chips through overseas data centres.
The practice sidesteps export controls that the United States imposed in 2022.
Analysts said the loophole would be hard to close.
© 2024 Yonhap News Agency. All rights reserved.
"""
ENGLISH_BODY = ("Chinese artificial intelligence companies are renting Nvidia chips through overseas data centres.",
                "The practice sidesteps export controls that the United States imposed in 2022.",
                "Analysts said the loophole would be hard to close.")

HOSTILE_LINES = (
    "<script>alert('hostile-seed-script')</script>",
    "<img src=x onerror=\"alert('hostile-seed-onerror')\">",
    "<a href=\"javascript:alert('hostile-seed-link')\">클릭</a> [링크](javascript:alert('hostile-seed-md'))",
    "<!-- hostile-comment -->",
    "<iframe src=\"https://evil.example/hostile-seed-iframe\"></iframe>",
    "<svg><script>alert('hostile-svg')</script></svg> <body onload=alert(1)>",
)

HTML_SEED = """<!doctype html><html><head><title>포털</title>
<script>document.write('hostile-head-script')</script><style>body{display:none}</style></head><body>
<nav><a href="/">홈</a> <a href="/news">뉴스</a></nav>
<h1>데이터센터 표 시험 기사</h1>
<div class="byline">김영희 기자</div>
<div class="date">입력 2024-05-02 10:00</div>
<p>첫 문단의 문장이다.</p>
<table><tr><td><table><tr><td>중첩된 표의 첫 셀 문장이다.</td>
<td><script>alert('hostile-cell-script')</script>중첩된 표의 둘째 셀 문장이다.</td></tr></table></td></tr>
<tr><td><p onclick="alert('hostile-onclick')">바깥 표의 셀 문단이다.</p></td></tr></table>
<p>마지막 문단이다.<img src="x" onerror="alert('hostile-onerror')"></p>
<script>alert('hostile-body-script')</script>
<iframe src="javascript:alert('hostile-iframe')"></iframe>
<!-- hostile-comment -->
<p><a href="javascript:alert('hostile-link')">링크가 걸린 문장이다.</a></p>
<p>ⓒ 시험일보. 무단전재 및 재배포 금지.</p>
</body></html>
"""
HTML_SENTENCES = ("첫 문단의 문장이다.", "중첩된 표의 첫 셀 문장이다.", "중첩된 표의 둘째 셀 문장이다.",
                  "바깥 표의 셀 문단이다.", "마지막 문단이다.", "링크가 걸린 문장이다.")

SEED_000 = "seeds/000_917d64508556bdff.txt"
# A valid report page; LINE holds the line of each key the tests point at.
REPORT = """---
title: 시험 보고서
slug: hostile-report
outlet: 시험일보
published: '2024-05-02'
authors:
- 홍길동
source: {source}
source_sha256: {sha}
language: ko
cites: []
rights: ⓒ 시험일보
---

2024년 5월 2일 본문 첫 문장이다.
"""
LINE = {"title": 2, "slug": 3, "outlet": 4, "published": 5, "authors": 6, "source": 8, "source_sha256": 9, "cites": 11}

ENTITY = """---
name: 시험 기업
kind: company
aliases: [{aliases}]
---

시험용 기업.
"""

HOSTILE_MARKDOWN = """<script>alert('hostile-md-script')</script>

<img src=x onerror="alert('hostile-md-onerror')">

<iframe src="javascript:alert('hostile-md-iframe')"></iframe>

<!-- hostile-comment -->

[a](javascript:alert('hostile-md-link')) [b](JAVASCRIPT:alert(1)) [c](java&#x09;script:alert(1))
[d](&#106;avascript:alert(1)) <javascript:alert('hostile-autolink')> ![e](javascript:alert('hostile-img'))
[f](vbscript:msgbox(1)) [g](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [h]( javascript:alert(1))

[ref]: javascript:alert('hostile-ref')

Text with <b onmouseover="alert('hostile-hover')">bold</b> and [ref] inline.

<a href="javascript:alert(1)">raw link</a> <svg onload=alert(1)> <math><mi xlink:href="javascript:alert(1)">x</mi></math>

::: figure credit='"><script>alert(1)</script>' original='https://example.com/a.jpg"onerror="alert(1)'
캡션 <script>alert('hostile-caption')</script>
:::
"""


# --------------------------------------------------------------------------- running builds

ALLOWED = ("site", "content", ".cache")


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    cpu_seconds: float  # of the command and the processes it waited for: the machine's load does not count
    index_before: bytes | None = field(repr=False)  # site/index.html before and after the run
    index_after: bytes | None = field(repr=False)
    stray: list[str] = field(default_factory=list)  # created, changed or removed outside site/, content/, .cache/

    @property
    def error(self) -> str:
        """The last line on stderr: where a refused build says why."""
        lines = self.stderr.strip().splitlines()
        return lines[-1] if lines else ""

    def warnings(self, path: str) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith(f"{path}: warning: ")]


def snapshot(project: Path) -> dict[str, str]:
    """Every file and folder beside and inside *project* except its site/, content/ and
    .cache/ (so an escape to the parent folder shows too), with a hash of each file."""
    top = project.parent
    found = {}
    for path in sorted(top.rglob("*")):
        rel = path.relative_to(top)
        if rel.parts[0] == project.name and len(rel.parts) > 1 and rel.parts[1] in ALLOWED:
            continue
        found[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return found


def build_env(**extra: str) -> dict:
    return {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **extra}


def _in_process(project: Path, args: tuple[str, ...]) -> tuple[int, str, str]:
    """``build.py``'s ``main`` in this process, as the interpreter would run it: an exception
    that escapes it prints a traceback and exits 1."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(args), root=project)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except Exception:  # noqa: BLE001 - what the interpreter would print
            traceback.print_exc()
            code = 1
    return code, out.getvalue(), err.getvalue()


def _subprocess(project: Path, args: tuple[str, ...], timeout: float, env: dict) -> tuple[int, str, str]:
    result = subprocess.run([sys.executable, "build.py", *args], cwd=project, capture_output=True, encoding="utf-8",
                            errors="replace", timeout=timeout, env=build_env(**env))
    return result.returncode, result.stdout, result.stderr


def _wait_for_background_removal(top: Path, limit: float = 10.0) -> None:
    """The build renames the previous site to ``.site-old-*`` and deletes it in the background:
    wait (a little) for that, so that only what stays counts as written."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and next(top.rglob(".site-old-*"), None) is not None:
        time.sleep(0.02)


def run_cli(project: Path, *args: str, isolated: bool = False, timeout: float = 120, env: dict | None = None) -> Run:
    """``python build.py *args`` in *project*. In this process by default (the interpreter's
    start-up would double the file's run time); *isolated* runs it as a user does, in a
    process of its own, where a hang or a memory blow-up is the risk or the hash seed matters."""
    index = project / "site" / "index.html"
    index_before = index.read_bytes() if index.is_file() else None
    before = snapshot(project)
    if isolated or env:
        started = _children_cpu()
        code, stdout, stderr = _subprocess(project, args, timeout, env or {})
        cpu = _children_cpu() - started
    else:
        started = time.process_time()
        code, stdout, stderr = _in_process(project, args)
        cpu = time.process_time() - started
    _wait_for_background_removal(project.parent)
    after = snapshot(project) if project.is_dir() else {}
    stray = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    return Run(code, stdout, stderr, cpu, index_before, index.read_bytes() if index.is_file() else None, stray)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def assert_refused(run: Run, where: str, *words: str) -> None:
    """The build stopped cleanly: exit 1, ``where`` (``path:line:``) starts the message, which
    says *words*; no traceback; the last good site untouched; nothing written elsewhere."""
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.returncode == 1, f"exit {run.returncode}; stderr: {run.stderr[-1500:]!r}"
    assert run.error.startswith(where), f"expected {where!r} to start the message, got {run.error!r}"
    for word in words:
        assert word in run.error, f"{word!r} not in {run.error!r}"
    assert run.index_after == run.index_before, "the failed build changed site/index.html"
    assert run.stray == [], f"written outside site/, content/, .cache/: {run.stray[:20]}"


def assert_built(run: Run) -> None:
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.returncode == 0, f"exit {run.returncode}; stderr: {run.stderr[-1500:]!r}"
    assert run.stray == [], f"written outside site/, content/, .cache/: {run.stray[:20]}"


# --------------------------------------------------------------------------- reading the output

OWN_SCRIPT_FOLDERS = ("assets/", "pagefind/")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite",
                  "srcset", "ping", "longdesc", "manifest", "codebase", "dynsrc", "lowsrc"}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript|data(?!:image/(?:png|jpe?g|gif|webp)[;,])):", re.I)


def html_files(site: Path) -> list[Path]:
    """Every file the site serves as HTML; Pagefind's bundle aside. (Raw seeds ship as .txt,
    served as plain text: their markup is shown, never run.)"""
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".htm")
                  and "pagefind" not in p.relative_to(site).parts)


def _own_script(page: Path, site: Path, src: str) -> bool:
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path.endswith(".js"):
        return False
    target = (site / parts.path.lstrip("/")) if parts.path.startswith("/") else (page.parent / parts.path)
    rel = os.path.relpath(os.path.normpath(target), site).replace(os.sep, "/")
    return rel.startswith(OWN_SCRIPT_FOLDERS) and not rel.startswith("..")


def active_content(site: Path) -> list[str]:
    """Every script, event handler, dangerous URL, embedding element or input comment in the
    site's HTML that the site itself did not put there."""
    found = []
    for page in html_files(site):
        rel = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8", errors="replace"), "html.parser")
        for element in soup.find_all(True):
            markup = str(element)[:160]
            if element.name == "script" and not (element.get("src") and not element.get_text().strip()
                                                 and _own_script(page, site, element["src"])) and not _inert_data(element):
                found.append(f"{rel}: script: {markup}")
            if element.name in FORBIDDEN_ELEMENTS:
                found.append(f"{rel}: <{element.name}>: {markup}")
            if element.name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
                found.append(f"{rel}: meta refresh: {markup}")
            for name, value in element.attrs.items():
                values = value if isinstance(value, list) else [value]
                if name.lower().startswith("on"):
                    found.append(f"{rel}: event handler {name}=: {markup}")
                if name.lower() == "srcdoc":
                    found.append(f"{rel}: srcdoc: {markup}")
                if name.lower() in URL_ATTRIBUTES:
                    for item in values:
                        for candidate in (item.split(",") if name.lower() == "srcset" else [item]):
                            if BAD_SCHEME.match(re.sub(r"[\x00-\x20]", "", candidate)):
                                found.append(f"{rel}: {name}={candidate!r}: {markup}")
        for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
            if "hostile" in comment:
                found.append(f"{rel}: input comment <!--{comment}-->")
    return found


def _inert_data(script) -> bool:
    """A JSON-LD block (a report's citation data): never run, and JSON whose text holds no
    "<" (escaped), so nothing from the input can close the element early."""
    if str(script.get("type", "")).lower() != "application/ld+json" or script.get("src"):
        return False
    text = script.get_text()
    try:
        json.loads(text)
    except ValueError:
        return False
    return "<" not in text


def assert_nothing_active(site: Path) -> None:
    found = active_content(site)
    assert not found, f"{len(found)} active item(s) from the input:\n" + "\n".join(found)


def csp_problem(page: Path) -> str | None:
    """Why *page* does not carry a Content-Security-Policy that runs only the site's own
    scripts; None when it does."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8", errors="replace"), "html.parser")
    metas = [m for m in soup.find_all("meta") if str(m.get("http-equiv", "")).lower() == "content-security-policy"]
    if not metas:
        return "no <meta http-equiv=\"Content-Security-Policy\">"
    meta = metas[0]
    if meta.find_parent("head") is None:
        return "the CSP meta is not in <head>"
    first_script = soup.find("script")
    if first_script is not None and (first_script.sourceline, first_script.sourcepos) < (meta.sourceline, meta.sourcepos):
        return "a script comes before the CSP meta"
    directives = {}
    for part in str(meta.get("content", "")).split(";"):
        words = part.split()
        if words:
            directives.setdefault(words[0].lower(), words[1:])
    sources = directives.get("script-src", directives.get("default-src"))
    if sources is None:
        return f"no script-src or default-src in {meta.get('content')!r}"
    allowed = {"'self'", "'none'", "'wasm-unsafe-eval'"}
    loose = [s for s in sources if s.lower() not in allowed and not re.match(r"'sha(256|384|512)-", s, re.I)]
    return f"script-src allows {loose}" if loose else None


def text_of(page: Path, selector: str) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one(selector)
    assert found is not None, f"no {selector} in {page}"
    return re.sub(r"\s+", " ", found.get_text(" ", strip=True))


def report_page(project: Path, slug: str) -> Path:
    return project / "site" / "reports" / slug / "index.html"


def missing_sentences(project: Path, slug: str, sentences) -> list[str]:
    body = text_of(report_page(project, slug), ".report-body")
    return [sentence for sentence in sentences if sentence not in body]


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def good_build(tmp_path_factory) -> Path:
    """The project as it ships, built once: seeds normalized, share images cached."""
    project = copy_project(tmp_path_factory.mktemp("hostile-good") / "project")
    result = subprocess.run([sys.executable, "build.py", "--no-search"], cwd=project, capture_output=True, text=True,
                            timeout=300, env=build_env())
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def built(project: Path, good_build: Path) -> Path:
    """A fresh project (the ``project`` fixture) holding the last good build: its reports,
    site/ and .cache/, so a test's failed build has a previous site to leave alone."""
    shutil.copytree(good_build / "content" / "reports", project / "content" / "reports")
    for name in ("site", ".cache"):
        shutil.copytree(good_build / name, project / name)
    return project


def write(project: Path, rel: str, text: str | bytes) -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def valid_report(project: Path, **replace: str) -> str:
    """REPORT with real source values, and each ``key=line`` replacement applied."""
    sha = hashlib.sha256((project / SEED_000).read_bytes()).hexdigest()
    text = REPORT.format(source=SEED_000, sha=sha)
    for key, line in replace.items():
        if key == "authors":
            text = text.replace("authors:\n- 홍길동\n", line + "\n")
        else:
            text = re.sub(rf"(?m)^{key}:.*$", lambda _, line=line: line, text, count=1)
    return text


def add_hostile_content(project: Path) -> None:
    """Markup, scripts and javascript: links in every field and body a user writes: a report,
    a page, an entity and a curated chronology entry."""
    report = valid_report(project, title="title: \"<script>alert('hostile-title')</script>\"",
                          outlet="outlet: '<svg onload=alert(1)>'",
                          rights="rights: \"<a href='javascript:alert(1)'>ⓒ</a>\"")
    report = report.replace("cites: []", "cites: ['<img src=x onerror=alert(1)>']\n"
                                         "deck: ['<img src=x onerror=alert(1)>', '\"><script>alert(1)</script>']\n"
                                         "dateline: '<iframe src=javascript:alert(1)>'\n"
                                         "notes: '<script>alert(1)</script>'")
    write(project, "content/reports/hostile.md", report + "\n" + HOSTILE_MARKDOWN)
    write(project, "content/pages/hostile.md", "---\ntitle: \"<script>alert(1)</script>\"\n"
                                               "description: '\"><script>alert(1)</script>'\n---\n\n" + HOSTILE_MARKDOWN)
    write(project, "content/entities/hostile.md",
          ENTITY.format(aliases="시험기업").replace("name: 시험 기업", "name: \"<script>alert('hostile-entity')</script>\"")
          .replace("kind: company", "kind: company\nurl: 'https://example.com/\"onmouseover=\"alert(1)'\n"
                                    "name_en: '<img src=x onerror=alert(1)>'") + "\n" + HOSTILE_MARKDOWN)
    with (project / "content" / "chronology.toml").open("a", encoding="utf-8") as toml:
        toml.write("\n[[added]]\nid = \"hostile-added\"\ndate = \"2024-05-02\"\n"
                   "label = \"<script>alert('hostile-label')</script>\"\ntext = \"<img src=x onerror=alert(1)>\"\n"
                   "sources = [\"hostile-report#p-1\"]\n")


# --------------------------------------------------------------------------- seeds

@pytest.mark.parametrize("data", [b"", b"\n \n\t\n", codecs.BOM_UTF8], ids=["empty", "whitespace", "bom-only"])
def test_an_empty_seed_is_refused_by_name(built: Path, data: bytes) -> None:
    write(built, "seeds/900_empty.txt", data)
    assert_refused(run_cli(built, "--no-search"), "seeds/900_empty.txt: ")


@pytest.mark.parametrize("data", [random.Random(7).randbytes(64 * 1024),
                                  b"\x89PNG\r\n\x1a\n" + random.Random(8).randbytes(32 * 1024),
                                  bytes(range(256)) * 64], ids=["random", "png", "all-bytes"])
def test_binary_junk_is_refused_by_name(built: Path, data: bytes) -> None:
    write(built, "seeds/900_junk.txt", data)
    assert_refused(run_cli(built, "--no-search"), "seeds/900_junk.txt: ")


@pytest.mark.parametrize("data", [
    article().replace(BODY[0], BODY[0] + "\x00").replace(BODY[2], "\x00\x00" + BODY[2]).encode("utf-8"),
    article().encode("utf-8") + b"\x00" * 4096,
], ids=["scattered", "padding"])
def test_nul_bytes_are_dropped_with_a_warning_and_the_text_kept(built: Path, data: bytes) -> None:
    built_with_warning(built, "nul", data, "NUL")
    assert "\x00" not in report_page(built, "900-nul").read_text(encoding="utf-8")


def built_with_warning(built: Path, name: str, data: bytes, warning: str) -> None:
    """Seed seeds/900_<name>.txt, build, and check it warned with *warning* and kept every sentence."""
    write(built, f"seeds/900_{name}.txt", data)
    run = run_cli(built, "--no-search")
    assert_built(run)
    assert any(warning in line for line in run.warnings(f"seeds/900_{name}.txt")), run.stderr
    assert missing_sentences(built, f"900-{name}", BODY) == []


def test_cp949_is_decoded_with_a_warning(built: Path) -> None:
    built_with_warning(built, "legacy", article().encode("cp949"), "CP949")
    assert text_of(report_page(built, "900-legacy"), "h1") == TITLE


def test_utf8_with_bom_and_crlf_reads_like_plain_utf8(built: Path) -> None:
    write(built, "seeds/900_bom.txt", codecs.BOM_UTF8 + article().replace("\n", "\r\n").encode("utf-8"))
    assert_built(run_cli(built, "--no-search"))
    page = (built / "content" / "reports" / "900-bom.md").read_text(encoding="utf-8")
    assert "\r" not in page and "\ufeff" not in page
    assert text_of(report_page(built, "900-bom"), "h1") == TITLE
    assert missing_sentences(built, "900-bom", BODY) == []


def test_mixed_encodings_in_one_file_are_decoded_line_by_line_with_a_warning(built: Path) -> None:
    lines = article().splitlines()
    data = b"\n".join(line.encode("cp949" if number % 2 else "utf-8") for number, line in enumerate(lines)) + b"\n"
    built_with_warning(built, "mixed", data, "mixed")
    assert "\ufffd" not in report_page(built, "900-mixed").read_text(encoding="utf-8")


def test_markup_in_a_text_seed_never_becomes_active(built: Path) -> None:
    write(built, "seeds/900_markup.txt", article(*HOSTILE_LINES))
    assert_built(run_cli(built, "--no-search"))
    assert missing_sentences(built, "900-markup", BODY) == []
    assert_nothing_active(built / "site")


def test_an_html_seed_keeps_table_text_and_drops_scripts(built: Path) -> None:
    write(built, "seeds/900_tables.html", HTML_SEED)
    assert_built(run_cli(built, "--no-search"))
    assert missing_sentences(built, "900-tables", HTML_SENTENCES) == []
    body = text_of(report_page(built, "900-tables"), ".report-body")
    assert "hostile" not in body and "alert(" not in body and "document.write" not in body


def test_an_html_seed_leaves_nothing_active_anywhere_in_the_site(built: Path) -> None:
    """Including the raw copy of the seed the site ships beside its source page."""
    write(built, "seeds/900_tables.html", HTML_SEED)
    assert_built(run_cli(built, "--no-search"))
    assert_nothing_active(built / "site")
    assert (built / "site" / "seeds" / "900_tables.html.txt").read_bytes() == (built / "seeds" / "900_tables.html").read_bytes()
    assert not (built / "site" / "seeds" / "900_tables.html").exists()  # never served as HTML


def test_an_english_report_keeps_every_sentence_and_says_it_is_english(built: Path) -> None:
    write(built, "seeds/900_english.txt", ENGLISH)
    assert_built(run_cli(built, "--no-search"))
    page = (built / "content" / "reports" / "900-english.md").read_text(encoding="utf-8")
    assert "\nlanguage: en\n" in page
    assert text_of(report_page(built, "900-english"), "h1") == "Chinese AI firms rent overseas cloud capacity"
    assert missing_sentences(built, "900-english", ENGLISH_BODY) == []
    soup = BeautifulSoup(report_page(built, "900-english").read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one(".report-body")
    assert "en" in {soup.html.get("lang"), *(parent.get("lang") for parent in body.parents if parent.name)}, \
        "neither the report body nor a container of it is marked lang=\"en\""


# --------------------------------------------------------------------------- content

def test_invalid_yaml_names_file_and_line(built: Path) -> None:
    write(built, "content/reports/hostile.md", valid_report(built, outlet="outlet: 시험일보: 둘째"))
    assert_refused(run_cli(built, "--no-search"), f"content/reports/hostile.md:{LINE['outlet']}: ", "front matter")


def test_a_yaml_alias_bomb_is_refused_fast_at_the_first_alias(built: Path) -> None:
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    bomb += [f"{b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi", strict=False)]
    write(built, "content/reports/bomb.md", "---\n" + "\n".join(bomb) + "\ntitle: x\n---\n\n본문.\n")
    run = run_cli(built, "--no-search", isolated=True, timeout=600)  # a hang detector; the bound is CPU time
    assert run.cpu_seconds < 10
    assert_refused(run, "content/reports/bomb.md:3: ", "alias")


def test_missing_required_keys_are_all_named(built: Path) -> None:
    write(built, "content/reports/hostile.md", "---\ntitle: 시험\nslug: hostile-report\n---\n\n본문.\n")
    run = run_cli(built, "--no-search")
    assert_refused(run, "content/reports/hostile.md:", "outlet", "published", "authors", "source", "source_sha256",
                   "language", "cites", "rights")
    assert re.match(r"content/reports/hostile\.md:\d+: ", run.error), run.error


@pytest.mark.parametrize("key, line, word", [
    ("published", "published: '2024-13-45'", "2024-13-45"),
    ("published", "published: 2024-02-30", "2024-02-30"),
    ("authors", "authors: 홍길동", "authors"),
    ("title", "title: 123", "title"),
    ("cites", "cites: {a: 1}", "cites"),
    ("source_sha256", "source_sha256: zz", "source_sha256"),
], ids=["month-13", "feb-30", "authors-string", "title-int", "cites-mapping", "sha-not-hex"])
def test_wrong_types_name_file_and_line(built: Path, key: str, line: str, word: str) -> None:
    write(built, "content/reports/hostile.md", valid_report(built, **{key: line}))
    assert_refused(run_cli(built, "--no-search"), f"content/reports/hostile.md:{LINE[key]}: ", word)


def test_two_reports_with_one_slug_are_refused_at_the_slug_line(built: Path) -> None:
    write(built, "content/reports/zz-dup.md", valid_report(built, slug="slug: dt-2024-08-overseas-cloud-h100"))
    assert_refused(run_cli(built, "--no-search"), f"content/reports/zz-dup.md:{LINE['slug']}: ",
                   "dt-2024-08-overseas-cloud-h100", "content/reports/dt-2024-08-overseas-cloud-h100.md")


@pytest.mark.parametrize("slug, other", [("about", "content/pages/about.md"), ("search", "search"),
                                         ("entities", "entities"), ("chronology", "chronology")])
def test_a_page_slug_taken_by_another_page_is_refused(built: Path, slug: str, other: str) -> None:
    write(built, "content/pages/zz-page.md", f"---\ntitle: 둘째 페이지\nslug: {slug}\n---\n\n덮어쓰기 시도.\n")
    assert_refused(run_cli(built, "--no-search"), "content/pages/zz-page.md:3: ", slug, other)


ESCAPES = ["'../../escaped'", "'{absolute}'", "'..\\escaped'", "'%2e%2e%2fescaped'", "'reports/../../escaped'"]


@pytest.mark.parametrize("slug", ESCAPES, ids=["dotdot", "absolute", "backslash", "percent", "nested"])
def test_a_report_slug_cannot_escape(built: Path, slug: str) -> None:
    slug = slug.format(absolute=built.parent / "escaped")
    write(built, "content/reports/hostile.md", valid_report(built, slug=f"slug: {slug}"))
    assert_refused(run_cli(built, "--no-search"), f"content/reports/hostile.md:{LINE['slug']}: ")
    assert not (built.parent / "escaped").exists()


@pytest.mark.parametrize("slug", ESCAPES, ids=["dotdot", "absolute", "backslash", "percent", "nested"])
def test_a_page_slug_cannot_escape(built: Path, slug: str) -> None:
    slug = slug.format(absolute=built.parent / "escaped")
    write(built, "content/pages/hostile.md", f"---\ntitle: 탈출\nslug: {slug}\n---\n\n본문.\n")
    assert_refused(run_cli(built, "--no-search"), "content/pages/hostile.md:3: ")
    assert not (built.parent / "escaped").exists()


@pytest.mark.parametrize("source", ["../outside.txt", "{absolute}", "seeds/../pyproject.toml",
                                    "'seeds\\..\\..\\outside.txt'",
                                    "seeds/%2e%2e/pyproject.toml"],
                         ids=["dotdot", "absolute", "via-seeds", "backslash", "percent"])
def test_a_report_source_cannot_point_outside_seeds(built: Path, source: str) -> None:
    outside = write(built.parent, "outside.txt", article())
    write(built, "content/reports/hostile.md",
          valid_report(built, source="source: " + source.format(absolute=outside)))
    assert_refused(run_cli(built, "--no-search"), f"content/reports/hostile.md:{LINE['source']}: ")
    assert not any("outside" in p.name or p.name == "pyproject.toml" for p in (built / "site").rglob("*"))


@pytest.mark.parametrize("name", ["x..%2f..%2fescaped.md", "%2e%2e.md", "x..\\escaped.md", "Nvidia.md", "nvidia .md"],
                         ids=["percent-slash", "percent-dots", "backslash", "uppercase", "space"])
def test_an_entity_file_name_must_be_a_plain_id(built: Path, name: str) -> None:
    write(built, f"content/entities/{name}", ENTITY.format(aliases="시험기업"))
    assert_refused(run_cli(built, "--no-search"), f"content/entities/{name}:1: ")


@pytest.mark.parametrize("value", ["../../escaped", "/etc/passwd", "..\\\\escaped", "'%2e%2e'"],
                         ids=["dotdot", "absolute", "backslash", "percent"])
def test_an_entity_id_cannot_escape(built: Path, value: str) -> None:
    write(built, "content/entities/hostile.md", ENTITY.format(aliases="시험기업").replace("---\n", f"---\nid: {value}\n", 1))
    assert_refused(run_cli(built, "--no-search"), "content/entities/hostile.md:2: ")
    assert not (built.parent / "escaped").exists()


def test_raw_html_scripts_and_javascript_links_in_content_never_become_active(built: Path) -> None:
    add_hostile_content(built)
    assert_built(run_cli(built, "--no-search"))
    assert_nothing_active(built / "site")


def test_huge_front_matter_is_refused_fast_by_name(built: Path) -> None:
    notes = "notes: '" + "가" * (1024 * 1024) + "'"
    write(built, "content/reports/huge.md", valid_report(built).replace("rights: ⓒ 시험일보", "rights: ⓒ 시험일보\n" + notes))
    run = run_cli(built, "--no-search", isolated=True, timeout=600)  # a hang detector; the bound is CPU time
    assert run.cpu_seconds < 10
    assert_refused(run, "content/reports/huge.md:", "front matter")


# --------------------------------------------------------------------------- registry and chronology

def test_an_id_differing_from_the_file_name_is_refused(built: Path) -> None:
    nvidia = built / "content" / "entities" / "nvidia.md"
    nvidia.write_text(nvidia.read_text(encoding="utf-8").replace("---\n", "---\nid: nvidia-corp\n", 1), encoding="utf-8")
    assert_refused(run_cli(built, "--no-search"), "content/entities/nvidia.md:2: ", "nvidia-corp")


def test_two_files_claiming_one_id_are_refused(built: Path) -> None:
    entity = ENTITY.format(aliases="엔비디아 코퍼레이션").replace("---\n", "---\nid: nvidia\n", 1)
    write(built, "content/entities/zz-nvidia.md", entity)
    assert_refused(run_cli(built, "--no-search"), "content/entities/zz-nvidia.md:2: ", "nvidia")


@pytest.mark.parametrize("alias", ["엔비디아", unicodedata.normalize("NFD", "엔비디아"), "' 엔비디아 '"],
                         ids=["same", "nfd", "padded"])
def test_an_alias_claimed_by_two_entities_is_refused(built: Path, alias: str) -> None:
    write(built, "content/entities/zz-clone.md", ENTITY.format(aliases=alias))
    assert_refused(run_cli(built, "--no-search"), "content/entities/zz-clone.md:4: ", "nvidia")


@pytest.mark.parametrize("alias", ["칩", "X", "' 칩 '"], ids=["hangul", "latin", "padded"])
def test_a_one_syllable_alias_is_refused(built: Path, alias: str) -> None:
    write(built, "content/entities/hostile.md", ENTITY.format(aliases=alias))
    assert_refused(run_cli(built, "--no-search"), "content/entities/hostile.md:4: ", "one-syllable")


def test_an_entity_url_must_be_http(built: Path) -> None:
    write(built, "content/entities/hostile.md",
          ENTITY.format(aliases="시험기업").replace("kind: company", "kind: company\nurl: 'javascript:alert(1)'"))
    assert_refused(run_cli(built, "--no-search"), "content/entities/hostile.md:4: ", "url")


CURATION_CASES = {
    "unknown-event": ('[events."no-such-report#p-1.1"]\nlabel = "x"\n', 1, "no-such-report#p-1.1"),
    "merge-into-unknown": ('[events."{event}"]\nmerge_into = "nowhere#p-9.9"\n', 2, "nowhere#p-9.9"),
    "added-unknown-entity": ('[[added]]\nid = "x"\ndate = "2024-01-01"\nlabel = "x"\nentities = ["no-such-entity"]\n', 5,
                             "no-such-entity"),
    "added-unknown-source": ('[[added]]\nid = "x"\ndate = "2024-01-01"\nlabel = "x"\nsources = ["no-such-report#p-3"]\n', 5,
                             "no-such-report"),
    "added-escaping-source": ('[[added]]\nid = "x"\ndate = "2024-01-01"\nlabel = "x"\nsources = ["../../escaped#p-1"]\n', 5,
                              "../../escaped"),
}


@pytest.mark.parametrize("case", CURATION_CASES)
def test_curation_pointing_at_unknown_ids_is_reported_with_its_line(built: Path, case: str) -> None:
    """An error or a warning, either way at the entry's line (its header or the key) and naming the id."""
    entry, key_offset, name = CURATION_CASES[case]
    toml = built / "content" / "chronology.toml"
    text = toml.read_text(encoding="utf-8") + "\n"
    events = json.loads((built / "site" / "data" / "chronology.json").read_text(encoding="utf-8"))
    uncurated = next(e["id"] for e in events if e["kind"] == "reported" and '"' + e["id"] + '"' not in text)
    entry = entry.replace("{event}", uncurated)
    header = text.count("\n") + 1
    toml.write_text(text + entry, encoding="utf-8")
    run = run_cli(built, "--no-search")
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    places = (f"content/chronology.toml:{header}: ", f"content/chronology.toml:{header + key_offset - 1}: ")
    said = [line for line in run.stderr.splitlines() if line.startswith(places) and name in line]
    assert said, f"no message at {places} naming {name!r}; exit {run.returncode}; stderr: {run.stderr[-1500:]!r}"
    if run.returncode == 0:
        assert all(": warning: " in line for line in said)
    else:
        assert run.returncode == 1 and run.index_after == run.index_before
    assert run.stray == []


# --------------------------------------------------------------------------- templates and config

def _edit(path: Path, old: str, new: str) -> int:
    """Replace the first *old* in *path* with *new*; the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_template_syntax_error_in_a_parent_template_names_it_and_its_line(built: Path) -> None:
    line = _edit(built / "templates" / "base.html", "{% block main %}{% endblock %}", "{% block main %}{% endblok %}")
    assert_refused(run_cli(built, "--no-search"), f"templates/base.html:{line}: ", "template syntax error")


def test_a_missing_template_is_named(built: Path) -> None:
    (built / "templates" / "entity.html").unlink()
    assert_refused(run_cli(built, "--no-search"), "templates/entity.html: ", "not found")


def test_an_include_of_a_missing_template_names_the_including_line(built: Path) -> None:
    line = _edit(built / "templates" / "home.html", "{% block main %}", "{% block main %}{% include 'missing-part.html' %}")
    assert_refused(run_cli(built, "--no-search"), f"templates/home.html:{line}: ", "missing-part.html")


def test_an_include_outside_the_templates_folder_is_refused(built: Path) -> None:
    line = _edit(built / "templates" / "home.html", "{% block main %}", "{% block main %}{% include '../pyproject.toml' %}")
    assert_refused(run_cli(built, "--no-search"), f"templates/home.html:{line}: ", "pyproject.toml")


def test_an_undefined_template_variable_names_file_and_line(built: Path) -> None:
    line = _edit(built / "templates" / "home.html", "{% block main %}", "{% block main %}{{ page.no_such_field.x }}")
    assert_refused(run_cli(built, "--no-search"), f"templates/home.html:{line}: ", "no_such_field")


@pytest.mark.parametrize("old, new, key", [
    ('language = "ko"', 'language = "ko"\ntitel = "x"', "titel"),
    ('output = "site"', 'output = "site"\n\n[tool.microsite.extra]\nx = 1', "extra"),
], ids=["key", "table"])
def test_an_unknown_config_key_is_an_error_at_its_line(built: Path, old: str, new: str, key: str) -> None:
    """At the key's line, or the line of the table header that names it."""
    line = _edit(built / "pyproject.toml", old, new) + 1 + (new.count("\n") - 1 if key == "titel" else 1)
    assert_refused(run_cli(built, "--no-search"), f"pyproject.toml:{line}: ", key)


@pytest.mark.parametrize("value", ["example.github.io/repo/", "javascript:alert(1)//",
                                   "'https://example.github.io/\"><script>alert(1)</script>/'", "https:///repo/",
                                   "ftp://example.github.io/"],
                         ids=["no-scheme", "javascript", "markup", "no-host", "ftp"])
def test_a_bad_base_url_is_an_error_at_its_line(built: Path, value: str) -> None:
    toml_value = value if value.startswith("'") else f'"{value}"'
    line = _edit(built / "pyproject.toml", 'base_url = "/"', f"base_url = {toml_value}")
    assert_refused(run_cli(built, "--no-search"), f"pyproject.toml:{line}: ", "base_url")


def test_a_base_url_without_trailing_slash_is_completed(built: Path) -> None:
    _edit(built / "pyproject.toml", 'base_url = "/"', 'base_url = "https://example.github.io/repo"')
    assert_built(run_cli(built, "--no-search"))
    soup = BeautifulSoup(report_page(built, "dt-2024-08-overseas-cloud-h100").read_text(encoding="utf-8"), "html.parser")
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "https://example.github.io/repo/reports/dt-2024-08-overseas-cloud-h100/"


@pytest.mark.parametrize("output", ["..", "content/reports", "templates/site", "{outside}"],
                         ids=["parent", "reports", "in-templates", "absolute"])
def test_the_output_folder_cannot_replace_sources_or_leave_the_project(built: Path, output: str) -> None:
    """The swap renames the old output away and deletes it: it must never be a folder the
    user keeps anything else in."""
    outside = built.parent / "elsewhere"
    keep = write(outside, "keep.txt", "the user's own file")
    line = _edit(built / "pyproject.toml", 'output = "site"', f'output = "{output.format(outside=outside)}"')
    run = run_cli(built, "--no-search")
    assert keep.is_file(), "the build deleted a folder outside the project"
    sources_left = (built / SEED_000).is_file() and list((built / "content" / "reports").glob("*.md"))
    assert sources_left, "the build deleted the project's sources"
    assert_refused(run, f"pyproject.toml:{line}: ", "output")


# --------------------------------------------------------------------------- CSP and determinism

def test_every_page_carries_a_csp_that_runs_only_the_sites_own_scripts(good_build: Path) -> None:
    pages = html_files(good_build / "site")
    problems = {page.relative_to(good_build / "site").as_posix(): csp_problem(page) for page in pages}
    problems = {page: problem for page, problem in problems.items() if problem}
    assert problems == {}, f"{len(problems)} of {len(pages)} pages, e.g. {sorted(problems.items())[:3]}"


def test_two_builds_of_the_same_hostile_input_are_byte_identical(good_build: Path, tmp_path: Path) -> None:
    """Different folders and hash seeds; Pagefind's own bundle aside (1.5.2 writes its filter
    maps in hash-map order), and so the service worker, which lists that bundle's files."""
    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted(site.rglob("*"))
                if p.is_file() and "pagefind" not in p.relative_to(site).parts and p.name != "sw.js"}

    sites = []
    for number in (1, 2):
        project = copy_project(tmp_path / f"copy-{number}" / "project")
        shutil.copytree(good_build / ".cache", project / ".cache")  # share images: slow to draw, not the point here
        write(project, "seeds/900_legacy.txt", article().encode("cp949"))
        write(project, "seeds/900_english.txt", ENGLISH)
        write(project, "seeds/900_tables.html", HTML_SEED)
        write(project, "seeds/900_markup.txt", article(*HOSTILE_LINES))
        assert_built(run_cli(project, isolated=True, env={"PYTHONHASHSEED": str(number)}))
        sites.append(files(project / "site"))
    first, second = sites
    differing = []
    for name in sorted(first.keys() | second.keys()):
        a, b = first.get(name, b""), second.get(name, b"")
        if a != b:
            at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
            differing.append(f"{name} at byte {at}: {a[max(0, at - 40):at + 60].decode(errors='replace')!r} "
                             f"vs {b[max(0, at - 40):at + 60].decode(errors='replace')!r}")
    assert not differing, "differs between the two builds:\n" + "\n".join(differing)


def test_no_script_from_the_input_runs_in_a_browser(built: Path, browser) -> None:
    """Every page the hostile content and the HTML seed end up on, opened in Chromium:
    no alert() may fire, on load or when the reader hovers over what the input marked up."""
    add_hostile_content(built)
    write(built, "seeds/900_tables.html", HTML_SEED)
    assert_built(run_cli(built, "--no-search"))
    fired: list[str] = []
    with serve(built / "site") as url:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (fired.append(f"{page.url}: alert({dialog.message!r})"), dialog.dismiss()))
        for path in ("reports/hostile-report/", "hostile/", "entities/hostile/", "chronology/", "reports/900-tables/",
                     "sources/900-tables/", "seeds/900_tables.html", ""):
            page.goto(url + path, wait_until="load")
            page.evaluate("document.querySelectorAll('body *').forEach(e => "
                          "['mouseover', 'focus'].forEach(t => e.dispatchEvent(new Event(t, {bubbles: true}))))")
        page.close()
    assert not fired, f"{len(fired)} alert(s) fired:\n" + "\n".join(fired)


# --------------------------------------------------------------------------- live server

@pytest.fixture(scope="module")
def live_site(good_build: Path, tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile-live") / "project"
    shutil.copytree(good_build, project)
    session = LiveSession(project, "127.0.0.1", 0, None, log=lambda message: None)
    session.start()
    yield session
    session.stop()


def get(url: str, path: str) -> tuple[int, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


SECRETS = (b"[tool.microsite]", b"root:x:0:", b"[seeds.", b"source_sha256", b"[[added]]")
HOSTILE_PATHS = [
    "/../pyproject.toml", "/%2e%2e/pyproject.toml", "/%2E%2E%2Fpyproject.toml", "/%252e%252e/pyproject.toml",
    "/.%2e/pyproject.toml", "/%c0%ae%c0%ae/pyproject.toml", "/reports/..%5c..%5cpyproject.toml",
    "/reports/%2e%2e/%2e%2e/pyproject.toml", "/..;/pyproject.toml", "/assets/../../content/chronology.toml",
    "/" + "../" * 200 + "etc/passwd", "//etc/passwd", "/%2fetc%2fpasswd", "/\\etc\\passwd", "/C:/Windows/win.ini",
    "http://127.0.0.1/../pyproject.toml", "/%00../pyproject.toml", "/seeds/../../seeds/sources.toml",
    "/" + "a" * 5000, "/" + "a/" * 40000, "/?" + "q" * 100_000,
]


@pytest.mark.parametrize("path", HOSTILE_PATHS, ids=lambda p: p[:40] + (f"…({len(p)})" if len(p) > 40 else ""))
def test_a_hostile_request_is_refused_and_the_server_stays_up(live_site: LiveSession, path: str) -> None:
    try:
        status, body = get(live_site.url, path)
    except (ConnectionError, http.client.HTTPException) as error:
        pytest.fail(f"the server dropped the connection instead of answering: {error!r}")
    assert status in (400, 403, 404, 414), status
    assert not any(secret in body for secret in SECRETS)
    assert get(live_site.url, "/")[0] == 200


@pytest.fixture
def live(built: Path):
    with live_session(built) as session:
        yield session


def test_two_hundred_file_events_during_a_rebuild_give_one_more_rebuild(live: LiveSession, built: Path) -> None:
    """Editors, formatters and checkouts write in bursts, half-written files included. The
    first event's rebuild is held until the burst has reached the server (a marker file,
    written last, has arrived), so what is checked does not depend on the machine's speed:
    everything that arrived during a rebuild makes one rebuild after it."""
    report = built / "content" / "reports" / "dt-2024-08-overseas-cloud-h100.md"
    files = [report, built / "content" / "pages" / "about.md", built / "content" / "entities" / "nvidia.md",
             built / "assets" / "style.css"]
    originals = {path: path.read_text(encoding="utf-8") for path in files}
    marker = (built / "content" / "pages" / "zz-marker.md").resolve()
    held, release, apply, batches = threading.Event(), threading.Event(), live.updater.update, []

    def held_update(changed, *args, **kwargs):
        batches.append(set(changed))
        held.set()
        release.wait(60)
        return apply(changed, *args, **kwargs)

    live.updater.update = held_update
    for number in range(200):
        path = files[number % len(files)]
        text = originals[path]
        if path == report:
            text = text.replace("사들이고 있다.", f"사들이고 있다. 편집 {number}번째.") if number % 8 else text[: len(text) // 2]
        elif path.suffix == ".css":
            text += f"\n/* {number} */\n"
        path.write_text(text, encoding="utf-8")
    report.write_text(originals[report].replace("사들이고 있다.", "사들이고 있다. 마지막 편집."), encoding="utf-8")
    marker.write_text("---\ntitle: 표지\n---\n\n표지.\n", encoding="utf-8")
    assert held.wait(60), "no rebuild started"
    deadline = time.monotonic() + 60
    while marker not in batches[0] and marker not in live.pending:  # events arrive in order: the marker is last
        assert time.monotonic() < deadline, "the burst never reached the server"
        time.sleep(0.02)
    expected = 1 if marker in batches[0] else 2  # the whole burst made the first batch, or the rest waits for one more
    release.set()
    deadline = time.monotonic() + 60
    while live.busy or live.pending or len(batches) < expected:
        assert time.monotonic() < deadline, "the rebuilds did not finish"
        time.sleep(0.05)
    assert len(batches) == expected, f"{len(batches)} rebuilds for one burst: {[len(batch) for batch in batches]} files"
    with urllib.request.urlopen(live.url + "reports/dt-2024-08-overseas-cloud-h100/", timeout=10) as response:
        assert response.status == 200 and "마지막 편집." in response.read().decode("utf-8")


# --------------------------------------------------------------------------- the normalizer, property-based

MENUS = ["본문 바로가기", "전체메뉴", "메뉴 건너뛰기", "Skip to main content", "주메뉴 바로가기", "상단으로", "네이버 뉴스",
         "글자크기 설정", "가 가 가 가", "음성으로 듣기", "광고", "AD"]
SHARE = ["공유 댓글 좋아요", "페이스북 트위터 카카오톡 링크복사", "스크랩 인쇄", "Share Facebook Twitter", "URL 복사",
         "좋아요 0 훈훈해요 0 슬퍼요 0 화나요 0 후속기사 원해요 0", "기사 추천하기", "구독"]
COPYRIGHT = ["Copyright © 시험일보. 무단전재 및 재배포 금지.", "<저작권자 ⓒ 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>",
             "ⓒ 2024 Example Media Co. All rights reserved.", "Copyright(c) Since 1996, MBC&iMBC All rights reserved.",
             "무단 전재 및 재배포 금지"]
RELATED = ["관련기사", "많이 본 뉴스", "1. 엔비디아, 새 AI 칩 공개", "2. 반도체 수출 통제 강화 방침",
           "▶ 관련기사: 미국, 클라우드 규제 검토", "이전 기사 중국 AI 기업의 우회로", "다음 기사", "인기 기사", "추천 기사",
           "이 시각 주요뉴스", "함께 보면 좋은 기사"]
ARTICLE_SENTENCES = [
    "미국 상무부는 중국 기업의 클라우드 이용을 제한하는 규정을 검토하고 있다.",
    "엔비디아는 이 조치가 매출에 미칠 영향이 크지 않다고 설명했다.",
    "업계에서는 해외 데이터센터를 통한 우회 사용이 늘어날 것으로 본다.",
    "중국 기업들은 말레이시아와 싱가포르의 데이터센터를 임대하고 있다.",
    "전문가들은 규제의 실효성에 의문을 제기했다.",
    "정부 관계자는 동맹국과 협의를 이어가겠다고 말했다.",
]


# No example database: nothing is written into the repository; a failure prints its example.
PROPERTY = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _lost(sentences: list[str], text: str) -> list[str]:
    """The sentences that are not in the body extracted from *text*."""
    body = _squash("\n".join(block.text for block in extract(text).blocks if block.kind != "figure"))
    return [sentence for sentence in sentences if _squash(sentence) not in body]


TRICKY_LINES = st.sampled_from([
    "<p>문단</p>", "<div><table><tr><td>셀</td></tr></table></div>", "<script>alert(1)</script>", "<!--", "-->", "<br>",
    "입력 2024.05.02 10:00", "홍길동 기자", "(서울=연합뉴스) 홍길동 기자 = ", "ⓒ", "Copyright ©", "관련기사", "[앵커]",
    "◆", "::: figure", "---", "# 제목", "사진=연합뉴스", "hong@example.com", "\u3000", "\u200b", "가" * 300,
    "(" * 50, "[" * 50, "2024.13.45", "작성일 11-28 42 목록", "By John Smith", "SEOUL, May 2 (Yonhap) --",
])


@PROPERTY
@given(st.one_of(st.text(max_size=2000),
                 st.lists(st.one_of(TRICKY_LINES, st.text(max_size=60)), max_size=40).map("\n".join)))
def test_the_normalizer_never_crashes_on_arbitrary_text(text: str) -> None:
    extracted = extract(text)
    assert all(isinstance(block.text, str) for block in extracted.blocks)


@PROPERTY
@given(st.binary(max_size=4096))
def test_decoding_arbitrary_bytes_either_gives_text_or_says_it_is_not_text(data: bytes) -> None:
    try:
        decoded = decode_seed(data)
    except NotText:
        return
    assert "\x00" not in decoded.text and "\r" not in decoded.text


@PROPERTY
@given(before=st.lists(st.sampled_from(MENUS + SHARE), max_size=8),
       sentences=st.lists(st.sampled_from(ARTICLE_SENTENCES), min_size=1, max_size=6, unique=True),
       after=st.lists(st.sampled_from(SHARE + COPYRIGHT + RELATED), max_size=10))
def test_furniture_in_its_usual_places_never_costs_a_body_sentence(before, sentences, after) -> None:
    """Menus and share widgets above the article; widgets, rights and related headlines below."""
    text = "\n".join([*before, TITLE, "홍길동 기자", *sentences, *after])
    assert _lost(sentences, text) == []


@PROPERTY
@given(before=st.lists(st.sampled_from(MENUS + SHARE + COPYRIGHT + RELATED), max_size=8),
       sentences=st.lists(st.sampled_from(ARTICLE_SENTENCES), min_size=1, max_size=6, unique=True),
       after=st.lists(st.sampled_from(MENUS + SHARE + COPYRIGHT + RELATED), max_size=10))
def test_any_furniture_around_an_article_never_costs_a_body_sentence(before, sentences, after) -> None:
    """The same, with any kind of furniture on either side (a sidebar of headlines, or a
    rights line, printed above the article)."""
    text = "\n".join([*before, TITLE, "홍길동 기자", *sentences, *after])
    assert _lost(sentences, text) == []


# --------------------------------------------------------------------------- a 20 MB seed (last, see huge_build)

HUGE_TEST = "test_a_20_mb_seed_is_built_or_refused_within_60_cpu_seconds"
HUGE_LIMIT = 60.0  # CPU seconds of the build and its workers: a loaded machine does not count
HANG = 900.0  # wall seconds after which the build counts as hung


def huge_seed() -> bytes:
    lines = [TITLE, "홍길동 기자", "입력 2024.05.02 10:00"]
    lines += [f"{n}번째 문단에서 미국 상무부는 엔비디아 칩 수출 통제를 강화한다고 {n % 28 + 1}일 밝혔다." for n in range(190_000)]
    data = "\n".join(lines).encode("utf-8")
    return data[: 20 * 1024 * 1024].rsplit(b"\n", 1)[0] + b"\n" + RIGHTS.encode("utf-8") + b"\n"


@pytest.fixture(scope="module", autouse=True)
def huge_build(request, tmp_path_factory):
    """The 20 MB seed's build starts in the background as soon as this module does (when its
    test, the module's last, is selected), so its run overlaps the other tests instead of
    adding to them."""
    if not any(getattr(item, "originalname", item.name) == HUGE_TEST for item in request.session.items):
        yield None
        return
    project = copy_project(tmp_path_factory.mktemp("hostile-huge") / "project")
    write(project, "seeds/900_huge.txt", huge_seed())
    out, err = (project.parent / "stdout").open("wb"), (project.parent / "stderr").open("wb")
    process = subprocess.Popen([sys.executable, "build.py"], cwd=project, stdout=out, stderr=err, env=build_env(),
                               start_new_session=True)
    job = {"process": process, "started": time.monotonic(), "project": project}
    yield job
    if process.returncode is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    out.close()
    err.close()


@pytest.mark.slow
def test_a_20_mb_seed_is_built_or_refused_within_60_cpu_seconds(huge_build) -> None:
    process, project = huge_build["process"], huge_build["project"]
    assert (project / "seeds" / "900_huge.txt").stat().st_size > 19 * 1024 * 1024
    status, usage = 0, None
    while usage is None and time.monotonic() < huge_build["started"] + HANG:
        pid, status, found = os.wait4(process.pid, os.WNOHANG)
        usage = found if pid else None
        time.sleep(0.1)
    assert usage is not None, f"building a 20 MB seed was still running after {HANG:.0f} s"
    process.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    assert cpu < HUGE_LIMIT, f"building a 20 MB seed took {cpu:.0f} CPU seconds"
    stderr = (project.parent / "stderr").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in stderr, stderr[-3000:]
    if process.returncode == 0:
        assert report_page(project, "900-huge").is_file()
    else:
        assert stderr.strip().splitlines()[-1].startswith("seeds/900_huge.txt: "), stderr[-1500:]


# --------------------------------------------------------------------------- round two

def test_a_control_character_in_a_title_is_an_error_at_its_line(built: Path) -> None:
    """It would reach the HTML and make feed.xml ill-formed."""
    write(built, "content/reports/hostile.md", valid_report(built, title='title: "시험\\a보도"'))
    assert_refused(run_cli(built, "--no-search"), f"content/reports/hostile.md:{LINE['title']}: ", "control character (U+0007)")


@pytest.mark.parametrize("name", ["report#1.txt", "report?.txt", "report%41.txt"])
def test_seed_names_with_url_characters_get_a_working_raw_capture_link(built: Path, name: str) -> None:
    write(built, f"seeds/{name}", article())
    assert_built(run_cli(built, "--no-search"))
    pages = [p for p in (built / "site" / "sources").rglob("index.html") if name in p.read_text(encoding="utf-8")]
    assert pages, f"no source page names {name}"
    link = BeautifulSoup(pages[0].read_text(encoding="utf-8"), "html.parser").select_one("dl a[download]")["href"]
    target = (pages[0].parent / urllib.parse.unquote(link)).resolve()
    assert target.is_file() and target.name == name, link


def test_files_in_seeds_that_are_not_captures_are_named(built: Path) -> None:
    write(built, "seeds/notes", "메모")
    write(built, "seeds/.draft.txt", article())
    write(built, "seeds/.DS_Store", "x")
    run = run_cli(built, "--no-search")
    assert run.returncode == 0
    assert run.warnings("seeds/notes") and run.warnings("seeds/.draft.txt") and not run.warnings("seeds/.DS_Store")


# A link is followed only to a file inside the project: a link out would be copied into
# content/ or published from wherever it points, and a clone would not have it.
LINKED = {"seeds/900_linked.txt": article(), "content/reports/linked.md": "---\ntitle: x\n---\nx\n",
          "content/entities/linked.md": "---\nid: linked\n---\nx\n", "content/pages/linked.md": "---\ntitle: x\n---\nx\n",
          "assets/linked.css": "body{}", "assets/folder/linked.css": "body{}", "templates/base.html": "{{ x }}"}


@pytest.mark.parametrize("rel", LINKED)
@pytest.mark.parametrize("target", ["outside", "nothing"])
def test_a_link_out_of_the_project_or_to_nothing_is_refused_by_name(built: Path, rel: str, target: str) -> None:
    outside = write(built.parent, f"outside-{built.name}/{Path(rel).name}", LINKED[rel])
    link, pointed = built / rel, outside if target == "outside" else built / "gone" / Path(rel).name
    if rel.startswith("assets/folder/"):
        link, pointed = link.parent, pointed.parent  # a linked folder
    link.parent.mkdir(parents=True, exist_ok=True)
    link.unlink(missing_ok=True)
    link.symlink_to(pointed)
    run = run_cli(built, "--no-search")
    assert_refused(run, link.relative_to(built).as_posix(),
                   "outside the project" if target == "outside" else "a link to nothing")
    assert not any(p.name == "linked.css" for p in (built / "site").rglob("*")), "an outside file was published"


def test_a_link_to_a_file_inside_the_project_is_followed(built: Path) -> None:
    write(built, "archive/900_kept.txt", article())
    (built / "seeds" / "900_kept.txt").symlink_to(Path("..") / "archive" / "900_kept.txt")
    (built / "assets" / "again.css").symlink_to("style.css")
    assert_built(run_cli(built, "--no-search"))
    assert missing_sentences(built, "900-kept", BODY) == []
    assert (built / "site" / "assets" / "again.css").read_bytes() == (built / "assets" / "style.css").read_bytes()


@pytest.mark.parametrize("rel", ["content/entities/.#nvidia.md", "content/reports/.#report.md", "assets/.style.css.swp"])
def test_an_editors_hidden_files_are_left_alone(built: Path, rel: str) -> None:
    (built / rel).symlink_to("someone@host.12345:1700000000")  # how Emacs marks a file being edited
    assert_built(run_cli(built, "--no-search"))
    assert not any(p.name.startswith(".") and p.name != ".nojekyll" for p in (built / "site").rglob("*"))


def test_a_content_folder_linked_out_of_the_project_is_refused(built: Path) -> None:
    outside = built.parent / f"outside-{built.name}-reports"
    shutil.move(built / "content" / "reports", outside)
    (built / "content" / "reports").symlink_to(outside)
    assert_refused(run_cli(built, "--no-search"), "content/reports", "outside the project")
