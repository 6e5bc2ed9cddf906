"""Command line: ``python build.py [build|normalize] [--base-url URL]``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import load_config
from .errors import Diagnostics, UserError
from .ingest import ingest
from .search import SearchIndexError
from .site import build_site


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the research microsite.")
    parser.add_argument("command", nargs="?", default="build", choices=["build", "normalize"],
                        help="build (default): normalize new seeds, render site/; normalize: re-normalize all seeds")
    parser.add_argument("--base-url", help="the address the site is served from, e.g. https://user.github.io/repo/")
    parser.add_argument("--no-search", action="store_true", help="skip the search index (faster previews)")
    args = parser.parse_args(argv)
    root = (root or Path.cwd()).resolve()
    diagnostics = Diagnostics()
    try:
        config = load_config(root, args.base_url)
        if args.command == "normalize":
            result = ingest(config.root, config.seeds, config.content, diagnostics, missing_only=False)
            print(f"normalized {len(result.written)} page(s), {len(result.unchanged)} unchanged, "
                  f"{len(result.kept_edited)} edited by hand and kept, {len(result.conflicts)} conflict(s)")
            return 1 if result.conflicts else 0
        summary = build_site(config, diagnostics, search=not args.no_search)
        print(summary.line(_display(config.output, root)))
        print(f"to read it: python -m http.server -d {_display(config.output, root)} 8000, then open http://127.0.0.1:8000/")
        return 0
    except UserError as error:
        print(error, file=sys.stderr)
        return 1
    except SearchIndexError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; the previous site/ is unchanged", file=sys.stderr)
        return 130


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
