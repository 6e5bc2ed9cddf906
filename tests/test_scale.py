"""What makes large builds fast and readable: forked workers, the progress log, and a
parallel build that writes exactly what a one-process build writes."""
from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, serve

from microsite import workers
from microsite.check import check_site
from microsite.content.config import load_config
from microsite.errors import Diagnostics, UserError
from microsite.output.views.entities import MENTIONING_REPORTS_PER_PAGE
from microsite.output.views.lists import REPORTS_PER_PAGE
from microsite.output.worker import service_worker
from microsite.pipeline import build as build_site
from microsite.pipeline.sync import Pipeline
from microsite.progress import Progress

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402


@pytest.fixture
def two_cores(monkeypatch) -> None:
    """Workers are used even on a one-core machine, and while the test session's own
    threads (its web servers) run, so the parallel path is always tested."""
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "_fork_is_safe", lambda: True)


_MEETING: dict = {}  # the barrier both workers pass once, inherited through fork

PUBLISHED = "https://example.org/research/"  # an absolute address: the pages name share images, so they are drawn


def met_square(i: int) -> tuple[int, int]:
    """i², once this worker and the other have both started (so both get work, however slow the machine)."""
    if not _MEETING.get("passed"):
        _MEETING["barrier"].wait(60)
        _MEETING["passed"] = True
    return i * i, os.getpid()


def test_parallel_map_keeps_order_and_runs_in_other_processes(two_cores) -> None:
    _MEETING.update(barrier=multiprocessing.get_context("fork").Barrier(2), passed=False)
    results = workers.parallel_map(met_square, 300, at_least=10)
    assert [square for square, _ in results] == [i * i for i in range(300)]
    assert len({pid for _, pid in results} - {os.getpid()}) == 2


def test_parallel_map_reports_progress_up_to_the_total(two_cores) -> None:
    seen: list[int] = []
    workers.parallel_map(lambda i: i, 200, at_least=10, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 200


def test_parallel_map_stays_in_process_while_other_threads_run(monkeypatch) -> None:
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        safe = workers._fork_is_safe()
        pids = set(workers.parallel_map(lambda i: os.getpid(), 300, at_least=10))
    finally:
        release.set()
        thread.join()
    assert not safe and pids == {os.getpid()}


def test_a_user_error_in_a_worker_reaches_the_parent_whole(two_cores) -> None:
    def job(i: int) -> int:
        if i == 150:
            raise UserError("content/reports/x.md", 7, "bad figure")
        return i

    with pytest.raises(UserError) as caught:
        workers.parallel_map(job, 300, at_least=10)
    assert (caught.value.path, caught.value.line, str(caught.value)) == ("content/reports/x.md", 7, "content/reports/x.md:7: bad figure")


def test_the_parallel_build_writes_what_a_one_process_build_writes(tmp_path: Path, two_cores, monkeypatch) -> None:
    corpus.generate(140, 3, tmp_path / "generated")
    sites = {}
    for mode in ("parallel", "one process"):
        if mode == "one process":
            monkeypatch.setattr(workers, "_fork_is_safe", lambda: False)
        build_site(load_config(tmp_path / "generated", PUBLISHED), Diagnostics(stream=io.StringIO()), search=False)
        site = tmp_path / "generated" / "site"
        sites[mode] = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
                       if p.is_file() and p.name != "sw.js"}  # sw.js names the build
        (tmp_path / "generated" / ".cache" / "last-build.json").unlink()
    assert len(sites["parallel"]) > 140 * 3  # report, source, raw capture and card per report
    assert sites["parallel"].keys() == sites["one process"].keys()
    assert [path for path in sites["parallel"] if sites["parallel"][path] != sites["one process"][path]] == []


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def progress_on(*, delay: float, terminal: bool) -> tuple[io.StringIO, FakeClock, Progress]:
    stream, clock = io.StringIO(), FakeClock()
    return stream, clock, Progress(stream, delay=delay, terminal=terminal, clock=clock)


def test_progress_is_quiet_for_a_short_build() -> None:
    stream, clock, progress = progress_on(delay=2.0, terminal=False)
    progress.begin("rendering reports", 5)
    clock.now += 0.5
    progress.update(5)
    progress.end()
    assert stream.getvalue() == ""


def test_progress_logs_one_line_per_step_off_a_terminal_once_the_build_is_long() -> None:
    stream, clock, progress = progress_on(delay=2.0, terminal=False)
    progress.begin("reading content")
    clock.now += 1.0
    progress.begin("writing pages", 2068)
    clock.now += 1.5
    progress.update(1000)
    progress.end()
    assert stream.getvalue() == "reading content: 1.0 s\nwriting pages: 2068 in 1.5 s\n"  # the early step is logged late


def test_progress_draws_a_bar_on_a_terminal_and_clears_it() -> None:
    stream, clock, progress = progress_on(delay=0.0, terminal=True)
    progress.begin("writing pages", 100)
    clock.now += 1.0
    progress.update(50)
    drawn = stream.getvalue()
    assert drawn.endswith("writing pages [" + "#" * 14 + "." * 14 + "] 50/100 1 s")
    progress.end()
    assert stream.getvalue()[len(drawn):] == "\r\x1b[Kwriting pages: 100 in 1.0 s\n"


@pytest.fixture(scope="module")
def large_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("large") / "generated"
    corpus.generate(160, 7, project)
    build_site(load_config(project, PUBLISHED), Diagnostics(stream=io.StringIO()), search=False)
    return project


def test_long_lists_are_split_into_linked_pages_of_bounded_size(large_project: Path) -> None:
    site = large_project / "site"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(home.select(".report-item")) == REPORTS_PER_PAGE and home.select_one("nav.pager a[rel=next]")["href"] == "./page/2/"
    second = BeautifulSoup((site / "page" / "2" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(second.select(".report-item")) == 160 - REPORTS_PER_PAGE and second.select_one("nav.pager [aria-current=page]").find(string=True) == "2"

    nvidia = site / "entities" / "nvidia"
    pages = sorted(nvidia.glob("**/index.html"))
    first = BeautifulSoup((nvidia / "index.html").read_text(encoding="utf-8"), "html.parser")
    reports = int(re.search(r"보도 (\d+)건", first.select_one(".report-meta").get_text()).group(1))
    assert len(pages) == -(-reports // MENTIONING_REPORTS_PER_PAGE) > 1
    later = BeautifulSoup((nvidia / "2" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert first.select("[data-pagefind-body]") and not later.select("[data-pagefind-body]")  # indexed once
    assert (site / "share" / "entities-nvidia.jpg").is_file() and not list((site / "share").glob("entities-nvidia-*"))  # one card
    assert len(later.select(".mention-report")) == MENTIONING_REPORTS_PER_PAGE and not later.select(".entity-events")

    report = check_site(site)
    assert report.problems == []  # every page, later ones included, is linked and reachable from home
    assert max(p.stat().st_size for p in site.rglob("*.html")) < 400_000


def test_an_edit_changes_the_keys_of_the_pages_that_show_it_and_no_others(large_project: Path, tmp_path: Path) -> None:
    """A sentence that names Nvidia, late in a report, gains a word: the report's page,
    Nvidia's first page (its companions) and the page of Nvidia's list that shows the
    sentence must be written again; Nvidia's other pages (the counts they print are as
    before), the home pages (the report's title and opening are as before) and the pages
    of entities the report never names must not."""
    project = tmp_path / "project"
    shutil.copytree(large_project, project, ignore=shutil.ignore_patterns("site", ".cache"))
    pipeline = Pipeline(load_config(project), search=False)
    before = pipeline.prepare().keys
    page = next(path for path in sorted((project / "content" / "reports").glob("*.md")) if "엔비디아" in path.read_text("utf-8"))
    text = page.read_text(encoding="utf-8")
    last = text.rindex("엔비디아")
    page.write_text(text[:last] + "새로운 " + text[last:], encoding="utf-8")
    prepared = pipeline.prepare()
    after = prepared.keys
    changed = {path for path in after if before.get(path) != after[path]}
    report = next(report for report in prepared.model.corpus.reports if report.path.endswith(page.name))
    position = [r.slug for r, _ in prepared.model.index.mentions_of("nvidia")].index(report.slug)
    listing = position // MENTIONING_REPORTS_PER_PAGE + 1
    shown = {"entities/nvidia/index.html", f"entities/nvidia/{listing}/index.html" if listing > 1 else "entities/nvidia/index.html"}
    assert {f"reports/{report.slug}/index.html"} | shown <= changed
    nvidia = {path for path in after if path.startswith("entities/nvidia/") and path.endswith(".html")}
    assert len(nvidia) > 2 and not (nvidia - shown) & changed
    assert not {path for path in changed if path == "index.html" or path.startswith("page/")}
    named = prepared.model.texts[report.slug].mentioned
    others = {path for path in after if path.startswith("entities/") and path.count("/") == 2
              and path.split("/")[1] not in named and path != "entities/index.html"}
    assert others and not others & changed


def test_large_archive_pages_fit_a_phone(large_project: Path, browser) -> None:
    """The mention table of a large archive scrolls inside its box; the page never scrolls sideways."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    tab = context.new_page()
    with serve(large_project / "site") as base:
        for path in ("entities/", "entities/nvidia/2/", "chronology/", "page/2/"):
            tab.goto(f"{base}{path}")
            assert tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, path
        tab.goto(f"{base}entities/")
        assert tab.evaluate("document.querySelector('.matrix-scroll').scrollWidth") > 360  # the table is wider than the phone
    context.close()


def test_a_large_archive_precaches_what_a_reader_needs_first(large_project: Path) -> None:
    site = large_project / "site"

    def precached(budget: int) -> list[str]:
        worker = service_worker(site, "0123456789abcdef0123", budget).decode()
        assert 'const VERSION = "microsite-0123456789abcdef";' in worker  # the build's fingerprint names the cache
        return json.loads(re.search(r"const FILES = (.*);", worker).group(1))

    everything, first = precached(10**12), precached(1_000_000)
    assert "./sources/" + next((site / "sources").iterdir()).name + "/" in everything  # a small site: all of it
    assert {"./", "./search/", "./assets/style.css", "./entities/", "./chronology/"} <= set(first)
    assert not any(name.startswith("./sources/") for name in first) and len(first) < len(everything) / 3
    sizes = sum((site / (name[2:] + ("index.html" if name.endswith("/") else ""))).stat().st_size for name in first)
    assert sizes <= 1_000_000


def test_the_second_build_of_a_fresh_archive_is_skipped(tmp_path: Path) -> None:
    """The first build records what it normalized (content/reports/.normalized.json); the
    fingerprint it leaves must count that, or the next build redoes everything."""
    corpus.generate(12, 2, tmp_path / "fresh")
    config = load_config(tmp_path / "fresh")
    first = build_site(config, Diagnostics(stream=io.StringIO()), search=False)
    second = build_site(config, Diagnostics(stream=io.StringIO()), search=False)
    assert not first.skipped and second.skipped


WORKERS_UNDER_THE_COMMANDS_HANDLER = """
import signal, sys
from microsite import workers
from microsite.cli import _terminated
signal.signal(signal.SIGTERM, _terminated)  # as the build command installs it
workers.os.cpu_count = lambda: 2
for _ in range(20):
    assert workers.parallel_map(abs, 400, at_least=10) == list(range(400))
print("done")
"""


def test_the_workers_end_quietly_when_the_command_handles_sigterm() -> None:
    """The pool stops its idle workers with SIGTERM; a worker running the command's handler
    printed a traceback into the build's output (or, stopped before it had dropped the
    handler, hung the pool)."""
    done = subprocess.run([sys.executable, "-c", WORKERS_UNDER_THE_COMMANDS_HANDLER], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, "done", "")
