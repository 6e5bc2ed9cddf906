"""Edit-to-reload latency of ``python build.py serve``: the time from writing a file to the
reload (or stylesheet) message reaching a connected browser, p50 and p95 over 20 edits
each of a report, a template and the stylesheet; with ``--browser``, the time from writing
a report to its new text being visible in Chromium, with ``build.py serve`` run as a user
runs it (a subprocess).

    python benchmarks/serve_latency.py                        # the five reports (a copy of this project)
    python benchmarks/serve_latency.py --project /tmp/microsite-bench/n1000   # a generated corpus
    python benchmarks/serve_latency.py --browser [--project …]

Generate a large corpus with benchmarks/corpus.py. The project is copied first, so the
edits never touch it. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from microsite.serve import LiveSession  # noqa: E402


class Listener:
    def __init__(self, url: str):
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
        connection.request("GET", "/__livereload")
        self.response = connection.getresponse()
        self.events: list[tuple[float, str, dict]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name = None
        for raw in self.response:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: ") and name:
                self.events.append((time.perf_counter(), name, json.loads(line[6:])))

    def wait(self, since: int, accept, timeout: float = 600) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for moment, name, data in self.events[since:]:
                if accept(name, data):
                    return moment
            time.sleep(0.002)
        raise TimeoutError("no reload message")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(project: Path, edits: int) -> list[tuple[str, float, float]]:
    session = LiveSession(project, "127.0.0.1", 0, None, log=lambda message: None)
    session.start()
    listener = Listener(session.url)
    time.sleep(0.5)
    report = sorted((project / "content" / "reports").glob("*.md"))[0]
    slug = report.stem
    rows = []
    try:
        kinds = {
            "one report": (report, lambda n: f"\n측정용 문장 {n}번이다.\n",
                           lambda name, data: name == "reload" and any(p.endswith(f"/{slug}/") for p in data["paths"])),
            "template (report.html)": (project / "templates" / "report.html", lambda n: f"\n{{# {n} #}}\n",
                                       lambda name, data: name == "reload"),
            "stylesheet": (project / "assets" / "style.css", lambda n: f"\n/* {n} */\n", lambda name, data: name == "css"),
        }
        for label, (path, addition, accept) in kinds.items():
            samples = []
            for number in range(edits):
                since = len(listener.events)
                started = time.perf_counter()
                with path.open("a", encoding="utf-8") as file:
                    file.write(addition(number))
                samples.append((listener.wait(since, accept) - started) * 1000)
                time.sleep(0.2)  # let the rest of the rebuild finish before the next edit
                while session.pending or session.busy:
                    time.sleep(0.05)
            rows.append((label, statistics.median(samples), percentile(samples, 0.95)))
    finally:
        session.stop()
    return rows


def measure_in_browser(project: Path, edits: int, settle: bool) -> list[float]:
    """Milliseconds from writing a report to its new sentence being visible in the page;
    with *settle*, each edit waits until the previous one's rebuild has finished (an author
    reading between saves) rather than following the last at once."""
    import os
    import re
    import subprocess

    from playwright.sync_api import expect, sync_playwright

    log = project.parent / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "build.py", "serve", "--port", "0"], cwd=project, stdout=out,
                                   stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        while not (found := re.search(r"serving (http://\S+)", log.read_text())):
            if process.poll() is not None:
                raise RuntimeError(log.read_text())
            time.sleep(0.1)
        report = sorted((project / "content" / "reports").glob("*.md"))[0]
        original = report.read_text(encoding="utf-8")
        samples = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(f"{found.group(1)}reports/{report.stem}/")
            for number in range(edits):
                marker = f"측정용 문장 {number}번이다."
                started = time.perf_counter()
                report.write_text(original.rstrip() + f"\n\n{marker}\n", encoding="utf-8")
                expect(page.locator(".report-body")).to_contain_text(marker, timeout=600_000)
                samples.append((time.perf_counter() - started) * 1000)
                print(f"edit {number}: {samples[-1]:.0f} ms", file=sys.stderr)
                while settle and log.read_text().count("rebuilt in") < number + 1:
                    time.sleep(0.05)
            browser.close()
        return samples
    finally:
        process.terminate()
        process.wait(60)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO, help="a project folder (copied before editing)")
    parser.add_argument("--edits", type=int, default=20, help="edits of each kind (default 20)")
    parser.add_argument("--browser", action="store_true", help="edit-to-visible in Chromium, serve as a subprocess")
    parser.add_argument("--settle", action="store_true", help="with --browser: each edit waits for the last rebuild to end")
    parser.add_argument("--keep", type=Path, help="with --browser: work in this folder (kept, with serve.log) instead of a temporary one")
    args = parser.parse_args()
    if args.browser:
        with tempfile.TemporaryDirectory() as scratch:
            project = (args.keep or Path(scratch)) / "project"
            ignore = shutil.ignore_patterns("site", ".site-*", ".cache", ".git", ".venv", "node_modules", "hugo", "mkdocs")
            shutil.copytree(args.project, project, ignore=ignore)
            samples = measure_in_browser(project, args.edits, args.settle)
            reports = len(list((project / "content" / "reports").glob("*.md")))
            pace = "each after the last rebuild ended" if args.settle else "each as soon as the last was visible"
            print(f"edit to visible in Chromium ({reports} reports, {len(samples)} edits, {pace}): "
                  f"p50 {statistics.median(samples):.0f} ms, max {max(samples):.0f} ms")
        return 0
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch) / "project"
        ignore = shutil.ignore_patterns("site", ".site-*", ".cache", ".git", ".venv", "node_modules", "hugo", "mkdocs")
        shutil.copytree(args.project, project, ignore=ignore)
        reports = len(list((project / "content" / "reports").glob("*.md")))
        print(f"| edit ({reports} reports) | p50 (ms) | p95 (ms) |\n|---|---:|---:|")
        for label, p50, p95 in measure(project, args.edits):
            print(f"| {label} | {p50:.0f} | {p95:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
