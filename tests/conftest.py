"""Shared fixtures: a throwaway copy of the project, and a built site served over HTTP."""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from microsite.content.config import load_config
from microsite.errors import Diagnostics
from microsite.pipeline import build as build_site

ROOT = Path(__file__).resolve().parent.parent
# Waits are for things that happen; on a loaded machine they may take long. Timeouts only catch hangs.
expect.set_options(timeout=30_000)
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def pytest_collection_modifyitems(items) -> None:
    """Tests that drive Chromium carry the 'browser' marker (``-m "not browser"`` leaves them out)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def copy_project(target: Path, *, with_reports: bool = False) -> Path:
    """A fresh project in *target*: config, seeds, templates, assets, plain pages and the entity registry."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("pyproject.toml", "build.py"):
        shutil.copy(ROOT / name, target / name)
    for name in ("seeds", "templates", "assets"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pages", "entities"):
        shutil.copytree(ROOT / "content" / name, target / "content" / name)
    shutil.copy(ROOT / "content" / "chronology.toml", target / "content" / "chronology.toml")
    if with_reports:
        shutil.copytree(ROOT / "content" / "reports", target / "content" / "reports")
    return target


def build(project: Path, base_url: str | None = None, search: bool = True) -> Diagnostics:
    """Build *project*; the site goes to *project*/site."""
    diagnostics = Diagnostics()
    build_site(load_config(project, base_url), diagnostics, search=search)
    return diagnostics


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The five seeds built once, from scratch, with the search index."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    build(project)
    return project / "site"


@pytest.fixture(scope="session")
def large_site(tmp_path_factory) -> Path:
    """A thousand synthetic reports (``benchmarks/corpus.py --reports 1000 --seed 1``), built
    once without the search index: the size at which the reader paths must still work."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import corpus
    project = tmp_path_factory.mktemp("large") / "project"
    corpus.generate(1000, 1, project)
    build(project, search=False)
    return project / "site"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """Built as GitHub Pages would publish it: under https://example.github.io/repo/."""
    project = copy_project(tmp_path_factory.mktemp("published") / "project")
    build(project, base_url="https://example.github.io/repo/")
    return project / "site"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site under a URL prefix (``/`` or ``/repo/``), 404 elsewhere."""

    def __init__(self, *args, prefix: str, **kwargs):
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        """Like GitHub Pages: a missing page gets the site's 404.html."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """A browser that cancels a request (a page left mid-load) is not a test failure."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/"):
    """Serve *directory* on a free loopback port under *prefix*; yields the site's address."""
    handler = functools.partial(_Handler, directory=str(directory), prefix=prefix)
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM_PATH"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def served(built_site: Path):
    """The built site served at the root and under a subpath, for the whole session (so no
    request is cut off by a server stopping while a page is still loading)."""
    with serve(built_site, "/") as root, serve(built_site, "/repo/") as subpath:
        yield {"/": root, "/repo/": subpath}


@pytest.fixture(scope="session")
def served_large(large_site: Path) -> str:
    """The thousand-report site served at the root, for the whole session."""
    with serve(large_site, "/") as root:
        yield root


@contextlib.contextmanager
def error_free_tab(browser, width: int, height: int):
    """A tab *width* × *height* pixels; the test fails on any script error the tab saw."""
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def watched(context, folder: str = "/page/data/"):
    """A tab whose script errors it keeps (``tab.errors``), and the data files under *folder*
    it fetched (``tab.fetched``: path in the folder → bytes)."""
    tab = context.new_page()
    tab.errors, tab.fetched = [], {}
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))

    def finished(request) -> None:
        if folder in request.url:
            response = request.response()
            tab.fetched[request.url.split(folder)[1]] = len(response.body()) if response else 0
    tab.on("requestfinished", finished)
    return tab


def decode(text: str) -> list[int]:
    """A filter file's numbers (``microsite/output/filterdata.py``: base 36, each a step from the one before)."""
    numbers, at = [], 0
    for step in text.split(",") if text else []:
        at += int(step, 36)
        numbers.append(at)
    return numbers


def wait_until(page, expression: str, timeout: float = 30.0) -> None:
    """Poll *expression* from outside the page (the pages' CSP forbids eval inside it, so
    Playwright's wait_for_function cannot run there)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.05)


@contextlib.contextmanager
def live_session(project: Path, **options):
    """``python build.py serve`` on a free port for *project*, stopped afterwards."""
    from microsite.serve import LiveSession
    session = LiveSession(project, "127.0.0.1", 0, None, log=lambda message: None, **options)
    session.start()
    try:
        yield session
    finally:
        session.stop()


def pytest_addoption(parser) -> None:
    parser.addoption("--update-visual", action="store_true",
                     help="rewrite tests/visual/ (the screenshots and heights test_visual.py compares with) instead of comparing")
