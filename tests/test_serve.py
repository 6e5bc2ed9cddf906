"""The live preview: reloads on edits, swaps CSS, shows and clears build errors, survives
them, debounces bursts, refuses traversal, and never leaks into build output."""
from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import live_session, wait_until
from playwright.sync_api import expect

from microsite.search.latin import decode
from microsite.serve import LiveSession
from microsite.serve.server import safe_path

REPORT = "content/reports/dt-2024-08-overseas-cloud-h100.md"


class Events:
    """Listens to the server's event stream on a thread and keeps what arrives."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.connection.request("GET", "/__livereload")
        self.response = self.connection.getresponse()
        self.received: list[tuple[str, dict]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        event = None
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    event = line[7:]
                elif line.startswith("data: ") and event:
                    self.received.append((event, json.loads(line[6:])))
        except (OSError, ValueError):
            pass

    def wait_for(self, name: str, timeout: float = 30.0) -> dict:
        deadline = time.monotonic() + timeout
        seen = 0
        while time.monotonic() < deadline:
            for event, data in self.received[seen:]:
                if event == name:
                    return data
            time.sleep(0.02)
        raise AssertionError(f"no '{name}' event; got {self.received}")


@pytest.fixture
def live(project: Path):
    with live_session(project) as session:
        yield session



def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def test_a_report_edit_reloads_its_page_with_the_change(live: LiveSession, project: Path, browser) -> None:
    events = Events(live.url)
    page = browser.new_page()
    page.goto(live.url + "reports/dt-2024-08-overseas-cloud-h100/")
    page.evaluate("window.scrollTo(0, 900)")
    edit(project, REPORT, "사들이고 있다.", "사들이고 있다고 전했다.")
    data = events.wait_for("reload")
    assert "/reports/dt-2024-08-overseas-cloud-h100/" in data["paths"] and not data["all"]
    expect(page.locator(".report-body p").last).to_have_text("틱톡 모회사인 바이트댄스도 AI 관련 지출을 늘리고 있으며 중국 내 "
                                                              "데이터센터를 위해 엔비디아 칩을 대규모로 사들이고 있다고 전했다.")
    wait_until(page, "window.scrollY > 800")  # the reader's place survives the reload
    assert "/reports/hani-2024-07-ms-google-cloud-china/" not in data["paths"]  # only what depends on the edit
    page.close()


def test_a_css_edit_swaps_the_stylesheet_without_a_reload(live: LiveSession, project: Path, browser) -> None:
    events = Events(live.url)
    page = browser.new_page()
    page.goto(live.url)
    page.evaluate("window.stayed = true")
    with (project / "assets" / "style.css").open("a", encoding="utf-8") as css:
        css.write("\nbody { outline: 3px solid rgb(255, 0, 0); }\n")
    events.wait_for("css")
    wait_until(page, "getComputedStyle(document.body).outlineColor === 'rgb(255, 0, 0)'")
    assert page.evaluate("window.stayed") is True
    page.close()


def test_an_error_shows_an_overlay_keeps_the_last_good_site_and_clears_when_fixed(live: LiveSession, project: Path, browser) -> None:
    events = Events(live.url)
    page = browser.new_page()
    page.goto(live.url + "reports/dt-2024-08-overseas-cloud-h100/")
    edit(project, REPORT, "published: '2024-08-26'", "published: [2024-08-26")
    error = events.wait_for("build-error")
    assert error["message"].startswith(f"{REPORT}:")
    overlay = page.locator("#livereload-overlay")
    expect(overlay).to_contain_text(f"{REPORT}:")
    with urllib.request.urlopen(live.url + "reports/dt-2024-08-overseas-cloud-h100/") as response:
        assert "美반도체 제재의 허점" in response.read().decode()  # still serving the last good page
    edit(project, REPORT, "published: [2024-08-26", "published: '2024-08-26'")
    events.wait_for("build-ok")
    expect(overlay).to_have_count(0)
    page.close()


def test_a_template_syntax_error_is_reported_with_its_line(live: LiveSession, project: Path) -> None:
    events = Events(live.url)
    edit(project, "templates/home.html", "{% endfor %}", "{% endfro %}")
    assert events.wait_for("build-error")["message"].startswith("templates/home.html:")


def test_a_burst_of_saves_gives_one_rebuild(project: Path) -> None:
    """A burst ends when the files have been quiet for a while: here a second, two hundred
    times the gap between the saves, so that a slow machine cannot split it."""
    with live_session(project, quiet=1.0) as live:
        events = Events(live.url)
        before = live.rebuilds
        for _ in range(20):
            edit(project, REPORT, "사들이고 있다", "사들이고 있다")
            (project / REPORT).touch()
            time.sleep(0.005)
        events.wait_for("reload", timeout=30)
        deadline = time.monotonic() + 30
        while live.busy or live.pending:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert live.rebuilds - before == 1


@pytest.mark.parametrize("path", ["/../pyproject.toml", "/%2e%2e/pyproject.toml", "/..%2fpyproject.toml", "/%2E%2E%2Fpyproject.toml",
                                  "//etc/passwd", "/%2fetc%2fpasswd", "/reports/..%5c..%5cpyproject.toml", "/%00", "/" + "a" * 5000])
def test_requests_outside_the_site_are_refused(live: LiveSession, path: str) -> None:
    parts = urlsplit(live.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    assert response.status in (404, 414)
    assert b"[tool.microsite]" not in body and b"root:" not in body


def test_safe_path_stays_inside_the_site(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x")
    assert safe_path(tmp_path, "/", "/a/") == tmp_path.resolve() / "a" / "index.html"
    assert safe_path(tmp_path, "/repo/", "/repo/a/") == tmp_path.resolve() / "a" / "index.html"
    for bad in ("/a/../../x", "/a/%2e%2e/%2e%2e/x", "/a\\..\\x", "/a/%5c..", "/x%00", "/repo"):
        assert safe_path(tmp_path, "/", bad) is None or safe_path(tmp_path, "/", bad).is_relative_to(tmp_path.resolve())
    assert safe_path(tmp_path, "/repo/", "/other/a/") is None


def test_served_under_the_base_path_and_never_in_built_files(project: Path) -> None:
    session = LiveSession(project, "127.0.0.1", 0, "https://example.github.io/repo/", log=lambda message: None)
    session.start()
    try:
        assert session.url.endswith("/repo/")
        with urllib.request.urlopen(session.url) as response:
            assert b"/__livereload.js" in response.read()
    finally:
        session.stop()
    leaked = [p for p in (project / "site").rglob("*") if p.is_file() and b"__livereload" in p.read_bytes()]
    assert leaked == []
    assert not (project / ".cache" / "pagefind-build").exists()


def test_search_refreshes_after_a_content_edit(live: LiveSession, project: Path) -> None:
    edit(project, REPORT, "사들이고 있다.", "사들이고 있다. 칼라파고스라는 새 낱말도 나온다.")
    deadline = time.monotonic() + 20
    pagefind = project / "site" / "pagefind"
    while time.monotonic() < deadline:
        meta = list(pagefind.glob("*.pf_meta")) if pagefind.exists() else []
        if meta and "칼라파고스" in _indexed_words(project):
            break
        time.sleep(0.3)
    else:
        raise AssertionError("the search index was not refreshed")


def _indexed_words(project: Path) -> str:
    """The text of every fragment in the bundle (gzip-compressed JSON; Hangul spelled as the index spells it)."""
    import gzip
    words = []
    for fragment in (project / "site" / "pagefind" / "fragment").glob("*.pf_fragment"):
        words.append(gzip.decompress(fragment.read_bytes()).decode("utf-8", "replace"))
    return decode("".join(words))


def test_the_preview_keeps_no_offline_copy_and_removes_an_earlier_worker(live: LiveSession, project: Path) -> None:
    """Precaching thousands of pages from the preview queued a reader's reloads behind them
    (a five-minute wait at 1,000 reports), and a worker left by a visit to a built site on
    the same address would answer for the preview: the preview's worker removes itself."""
    with urllib.request.urlopen(live.url + "sw.js") as response:
        worker = response.read().decode()
    assert "unregister()" in worker and "caches.delete" in worker and "addAll" not in worker
    assert "fetch" not in worker  # it answers no request
    assert "addAll" in (project / "site" / "sw.js").read_text(encoding="utf-8")  # the built site keeps its own


def _ask(url: str, method: str, path: str, host: str | None = None) -> tuple[int, dict, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.putrequest(method, path, skip_host=host is not None)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def test_head_answers_like_get_without_the_body(live: LiveSession) -> None:
    status, headers, body = _ask(live.url, "GET", "/reports/dt-2024-08-overseas-cloud-h100/")
    head_status, head_headers, head_body = _ask(live.url, "HEAD", "/reports/dt-2024-08-overseas-cloud-h100/")
    assert (status, head_status) == (200, 200) and head_body == b"" and len(body) > 1000
    assert head_headers["Content-Length"] == headers["Content-Length"]


def test_another_sites_name_for_the_preview_is_refused(live: LiveSession) -> None:
    """A page on another site that rebinds its DNS name to 127.0.0.1 must not read drafts."""
    status, _, body = _ask(live.url, "GET", "/", host="attacker.example:" + str(urlsplit(live.url).port))
    assert status == 403 and b"<html" not in body
    assert _ask(live.url, "GET", "/", host=f"localhost:{urlsplit(live.url).port}")[0] == 200


def test_a_path_segment_too_long_for_the_file_system_is_not_found(live: LiveSession) -> None:
    status, _, _ = _ask(live.url, "GET", "/reports/" + "%EA%B0%80" * 120 + "/")  # 360 bytes in one name
    assert status == 404
    assert _ask(live.url, "GET", "/")[0] == 200
