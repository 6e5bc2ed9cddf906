#!/usr/bin/env python3
"""How tall each kind of page is, in CSS pixels, at a desktop and a phone width.

    .venv/bin/python benchmarks/corpus.py --reports 1000 --seed 1 --out /tmp/c1000
    (cd /tmp/c1000 && PYTHONPATH=$PWD/.. .venv/bin/python build.py --no-search)
    .venv/bin/python benchmarks/page_heights.py /tmp/c1000/site [--json out.json]

A page a reader has to scroll 36,000 px through is not read; the reader-path work keeps
these numbers in view. Heights are ``document.documentElement.scrollHeight`` in headless
Chromium, light scheme, after load. The entity measured is the most-mentioned one.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

WIDTHS = (1280, 375)


def page_kinds(site: Path) -> dict[str, str]:
    """One address per kind of page, relative to the site's root."""
    entities = json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))
    records = entities["entities"] if isinstance(entities, dict) else entities
    biggest = max(records, key=lambda e: (e.get("reports", 0) if isinstance(e.get("reports"), int)
                                          else len(e.get("reports") or ()), e["id"]))
    report = sorted(p.parent.name for p in (site / "reports").glob("*/index.html"))[0]
    return {"home": "", "home, page 2": "page/2/" if (site / "page" / "2" / "index.html").is_file() else "",
            "report": f"reports/{report}/", "source": f"sources/{report}/", "entity (most mentioned)": f"entities/{biggest['id']}/",
            "entity index": "entities/", "chronology": "chronology/", "about": "about/"}


def measure(site: Path) -> dict[str, dict[int, int]]:
    heights: dict[str, dict[int, int]] = {}
    with serve(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            for kind, address in page_kinds(site).items():
                page.goto(root + address, wait_until="load")
                heights.setdefault(kind, {})[width] = page.evaluate("document.documentElement.scrollHeight")
            context.close()
        browser.close()
    return heights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    heights = measure(args.site)
    print(f"| page | {' | '.join(f'{w} px wide' for w in WIDTHS)} |\n|---|" + "---:|" * len(WIDTHS))
    for kind, by_width in heights.items():
        print(f"| {kind} | {' | '.join(f'{by_width[w]:,}' for w in WIDTHS)} |")
    if args.json:
        args.json.write_text(json.dumps(heights, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
