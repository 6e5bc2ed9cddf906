"""Command line: ``python build.py [build|normalize] [--base-url URL]``."""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from .config import load_config
from .errors import Diagnostics, SearchIndexError, UserError, relative
from .site import build_site

# The other commands' modules are imported when the command runs: `python build.py` on an
# unchanged project then answers without loading the renderer, the checker or the server.


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the research microsite.")
    parser.add_argument("command", nargs="?", default="build", choices=["build", "normalize", "check", "entities", "serve"],
                        help="build (default): normalize new seeds, render site/; normalize: re-normalize all seeds; "
                             "check: check the built site's links and anchors; entities: mention counts per entity; "
                             "serve: build, serve and rebuild on every edit")
    parser.add_argument("--suggest", action="store_true",
                        help="with 'entities': list recurring proper-noun-like terms no entity covers")
    parser.add_argument("--base-url", help="the address the site is served from, e.g. https://user.github.io/repo/")
    parser.add_argument("--no-search", action="store_true", help="skip the search index (faster previews)")
    parser.add_argument("--no-html", action="store_true", help="with 'check': skip HTML validation")
    parser.add_argument("--host", default="127.0.0.1", help="with 'serve': the address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="with 'serve': the port (default 8000; 0 picks a free one)")
    args = parser.parse_args(argv)
    if hasattr(signal, "SIGPIPE"):  # `python build.py entities | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    root = (root or Path.cwd()).resolve()
    diagnostics = Diagnostics(root=root)
    try:
        config = load_config(root, args.base_url)
        if args.command == "normalize":
            from .ingest import ingest
            result = ingest(config.root, config.seeds, config.content, diagnostics, missing_only=False)
            print(f"normalized {len(result.written)} page(s), {len(result.unchanged)} unchanged, "
                  f"{len(result.kept_edited)} edited by hand and kept, {len(result.conflicts)} conflict(s)")
            return 1 if result.conflicts else 0
        if args.command == "check":
            return _check(config, root, validate=not args.no_html)
        if args.command == "serve":
            from .serve import serve
            return serve(root, args.host, args.port, args.base_url)
        if args.command == "entities":
            return _entities(config, diagnostics, args.suggest)
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


def _entities(config, diagnostics: Diagnostics, with_suggestions: bool) -> int:
    from .content import load_corpus
    from .mentions import Matcher
    from .suggest import plain_body, suggest
    corpus = load_corpus(config.content, config.root, diagnostics)
    matcher = Matcher(corpus.entities)
    if with_suggestions:
        found = suggest(corpus.reports, matcher)
        print(f"{len(found)} recurring term(s) in 2+ reports that no entity covers:")
        for item in found:
            print(f"  {item.term}\t{item.reports} reports, {item.count} mentions ({item.why})")
        return 0
    counts = {entity.id: [0, set()] for entity in corpus.entities}
    for report in corpus.reports:
        for mention in matcher.find(plain_body(report)):
            counts[mention.entity][0] += 1
            counts[mention.entity][1].add(report.slug)
    for entity in sorted(corpus.entities, key=lambda e: (-len(counts[e.id][1]), -counts[e.id][0], e.id)):
        mentions, reports = counts[entity.id]
        print(f"{entity.id}\t{entity.kind}\t{len(reports)} reports\t{mentions} mentions")
    total = sum(c[0] for c in counts.values())
    print(f"{len(corpus.entities)} entities, {total} mentions in {len(corpus.reports)} reports")
    return 0


def _check(config, root: Path, validate: bool) -> int:
    from .check import ValidatorMissing, check_site, validate_html
    site = config.output
    if not (site / "index.html").is_file():
        print(f"{relative(site, root)}: no site here; run 'python build.py' first", file=sys.stderr)
        return 1
    report = check_site(site, config.base_url)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for url in sorted(report.external):
        print(f"external (not fetched): {url}")
    print(f"checked {report.pages} pages, {report.links} links, {report.anchors} anchors: "
          f"{len(report.problems)} problem(s), {len(report.external)} external link(s)")
    failed = bool(report.problems)
    if validate:
        try:
            errors = validate_html(site, root)
        except ValidatorMissing as error:
            print(f"HTML validation not run: {error}", file=sys.stderr)
            return 1
        for error in errors:
            print(error, file=sys.stderr)
        print(f"HTML validation (Nu Html Checker): {len(errors)} error(s) in {report.pages} pages")
        failed = failed or bool(errors)
    return 1 if failed else 0
