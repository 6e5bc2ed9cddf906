"""Command line: ``python build.py [build|normalize] [--base-url URL]``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_site
from .config import load_config
from .errors import Diagnostics, UserError, relative
from .ingest import ingest
from .search import SearchIndexError
from .site import build_site


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the research microsite.")
    parser.add_argument("command", nargs="?", default="build", choices=["build", "normalize", "check"],
                        help="build (default): normalize new seeds, render site/; normalize: re-normalize all seeds; "
                             "check: check the built site's links and anchors")
    parser.add_argument("--base-url", help="the address the site is served from, e.g. https://user.github.io/repo/")
    parser.add_argument("--no-search", action="store_true", help="skip the search index (faster previews)")
    args = parser.parse_args(argv)
    root = (root or Path.cwd()).resolve()
    diagnostics = Diagnostics(root=root)
    try:
        config = load_config(root, args.base_url)
        if args.command == "normalize":
            result = ingest(config.root, config.seeds, config.content, diagnostics, missing_only=False)
            print(f"normalized {len(result.written)} page(s), {len(result.unchanged)} unchanged, "
                  f"{len(result.kept_edited)} edited by hand and kept, {len(result.conflicts)} conflict(s)")
            return 1 if result.conflicts else 0
        if args.command == "check":
            return _check(config.output, root)
        summary = build_site(config, diagnostics, search=not args.no_search)
        print(summary.line(relative(config.output, root)))
        print(f"to read it: python -m http.server -d {relative(config.output, root)} 8000, then open http://127.0.0.1:8000/")
        return 0
    except UserError as error:
        print(error.show(root), file=sys.stderr)
        return 1
    except SearchIndexError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; the previous site/ is unchanged", file=sys.stderr)
        return 130


def _check(site: Path, root: Path) -> int:
    if not (site / "index.html").is_file():
        print(f"{relative(site, root)}: no site here; run 'python build.py' first", file=sys.stderr)
        return 1
    report = check_site(site)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for url in sorted(report.external):
        print(f"external (not fetched): {url}")
    print(f"checked {report.pages} pages, {report.links} links, {report.anchors} anchors: "
          f"{len(report.problems)} problem(s), {len(report.external)} external link(s)")
    return 1 if report.problems else 0

