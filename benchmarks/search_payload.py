"""What a reader downloads to search: the size of the Pagefind bundle, and the bytes the
first and a second query fetch, measured in headless Chromium over HTTP.

    python benchmarks/search_payload.py [SITE_DIR] [--queries 엔비디아 바이트댄스가]

SITE_DIR defaults to ./site (build it first). Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import functools
import re
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _size(site: Path, url: str) -> int:
    """Bytes of the file behind *url* (the test server sends files as they are)."""
    path = site / url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
    return path.stat().st_size if path.is_file() else 0


def _is_code(url: str) -> bool:
    """Pagefind's script and WebAssembly, fetched once per visit (the rest is index data)."""
    name = url.split("?")[0].rsplit("/", 1)[-1]
    return name.endswith(".js") or name.startswith("wasm.")


def bundle_size(site: Path) -> tuple[int, int]:
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def measure(site: Path, queries: list[str]) -> list[tuple[str, int, int, int]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            fetched: list[tuple[str, int]] = []
            page.on("requestfinished", lambda request: fetched.append((request.url, _size(site, request.url)))
                    if "/pagefind/" in request.url else None)
            page.goto(base + "search/")
            for query in queries:
                before = len(fetched)
                page.fill("#search-input", query)
                # (no wait_for_function: the pages' CSP forbids evaluating strings)
                expect(page.locator("#search-status")).to_have_text(re.compile(r"건|없습니다"), timeout=120_000)
                page.wait_for_timeout(300)
                batch = fetched[before:]
                code = sum(size for url, size in batch if _is_code(url))
                results = page.locator("#search-results a.search-result-link").count()
                rows.append((query, len(batch), sum(size for _, size in batch) - code, code, results))
            browser.close()
    finally:
        server.shutdown()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site")
    parser.add_argument("--queries", nargs="+", default=["엔비디아", "바이트댄스가", "Nvidia"])
    args = parser.parse_args()
    site = Path(args.site)
    count, size = bundle_size(site)
    print(f"bundle: {count} files, {size / 1024:.0f} KB in {site}/pagefind")
    print("| query (in order) | requests | index data fetched | script + WASM fetched | results shown |\n|---|---:|---:|---:|---:|")
    for query, requests, data, code, results in measure(site, args.queries):
        print(f"| {query} | {requests} | {data / 1024:.1f} KB | {code / 1024:.1f} KB | {results} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
