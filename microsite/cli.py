"""Command line: ``python build.py [command] [options]``; ``python build.py <command> --help``
says what each command takes."""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
import threading
from pathlib import Path

from .content import load_config
from .errors import Diagnostics, SearchIndexError, UserError, relative
from .pipeline import build

# The other commands' modules are imported when the command runs: `python build.py` on an
# unchanged project then answers without loading the renderer, the checker or the server.

COMMANDS = ("build", "normalize", "check", "entities", "serve")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the research microsite. Without a command: build.",
                                     epilog="'build.py <command> --help' says what each command takes.")
    commands = parser.add_subparsers(dest="command", metavar="command")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=summary)

    def base_url(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--base-url", help="the address the site is served from, e.g. https://user.github.io/repo/ "
                                            "(overrides base_url in pyproject.toml)")

    build = command("build", "normalize new and changed seeds, then render site/ (the default command)")
    base_url(build)
    build.add_argument("--no-search", action="store_true", help="skip the search index (faster)")
    command("normalize", "re-normalize every seed into content/reports/; pages edited by hand are never overwritten")
    check = command("check", "check the built site: links, anchors, reachability and HTML validity")
    base_url(check)
    check.add_argument("--no-html", action="store_true", help="skip HTML validation (the Nu Html Checker)")
    entities = command("entities", "mention counts per entity")
    entities.add_argument("--suggest", action="store_true", help="list recurring proper-noun-like terms no entity covers")
    serve = command("serve", "build, serve site/ under the base path, and rebuild on every edit")
    base_url(serve)
    serve.add_argument("--no-search", action="store_true", help="no search index (faster previews)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="the port (default 8000; 0 picks a free one)")
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line; no command means ``build`` (``build.py --base-url X`` builds)."""
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        argv = ["build", *argv]
    return _parser().parse_args(argv)


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    with _closed_pipes_tolerated(), _terminate_as_interrupt():
        return _run(args, (root or Path.cwd()).resolve())


@contextlib.contextmanager
def _terminate_as_interrupt():
    """``kill`` or ``timeout`` stops a command as Ctrl-C does: cleanly, saying so."""
    if threading.current_thread() is not threading.main_thread():  # a test's thread: signals are not its own
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _terminated(number: int, _frame) -> None:
    raise KeyboardInterrupt(number)


def _run(args: argparse.Namespace, root: Path) -> int:
    diagnostics = Diagnostics(root=root)
    config = None
    try:
        config = load_config(root, getattr(args, "base_url", None))
        if args.command in ("build", "normalize", "serve"):  # the commands that write: one at a time
            from .lock import project_lock
            with project_lock(config, args.command):
                return _write(args, config, root, diagnostics)
        if args.command == "check":
            return _check(config, root, validate=not args.no_html)
        return _entities(config, diagnostics, args.suggest)
    except UserError as error:
        print(error.show(root), file=sys.stderr)
        return 1
    except SearchIndexError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as stop:
        said = {"build": f"; {relative(config.output, root)}/ holds the last complete build" if config else "",
                "normalize": "; run it again to finish"}.get(args.command, "")
        print(f"interrupted{said}", file=sys.stderr)
        return 128 + (stop.args[0] if stop.args else signal.SIGINT)


def _write(args: argparse.Namespace, config, root: Path, diagnostics: Diagnostics) -> int:
    if args.command == "normalize":
        from .ingest import ingest
        result = ingest(config.root, config.seeds, config.content, diagnostics, missing_only=False)
        print(f"normalized {len(result.written)} page(s), {len(result.unchanged)} unchanged, "
              f"{len(result.kept_edited)} edited by hand and kept, {len(result.removed)} removed with their seeds, "
              f"{len(result.conflicts)} conflict(s)")
        return 1 if result.conflicts else 0
    if args.command == "serve":
        from .serve import serve
        return serve(root, args.host, args.port, args.base_url, search=not args.no_search)
    summary = build(config, diagnostics, search=not args.no_search)
    print(summary.line(relative(config.output, root)))
    print(f"to read it: python3 -m http.server -d {relative(config.output, root)} 8000, "
          "then open http://127.0.0.1:8000/")
    return 0


class _ClosedPipeTolerant(io.TextIOBase):
    """A standard stream that outlives its reader: once the reader is gone (``build.py
    entities | head``, a browser or a terminal closed), writes go nowhere instead of raising,
    so the command finishes its work (a build still writes its record) and exits quietly."""

    def __init__(self, stream):
        self.stream = stream
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                self.stream.write(text)
                if "\n" in text:
                    self.stream.flush()
            except (BrokenPipeError, ConnectionResetError):
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self.stream.flush()
            except (BrokenPipeError, ConnectionResetError):
                self._drop()

    def _drop(self) -> None:
        """Point the descriptor at /dev/null so that the interpreter's last flush is quiet too."""
        self.gone = True
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass

    def isatty(self) -> bool:
        return not self.gone and self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", "utf-8")


@contextlib.contextmanager
def _closed_pipes_tolerated():
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (_ClosedPipeTolerant(stream) for stream in saved)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _entities(config, diagnostics: Diagnostics, with_suggestions: bool) -> int:
    from .content import load_corpus
    from .model.mentions import Matcher
    from .model.suggest import plain_body, suggest
    corpus = load_corpus(config.content, config.root)
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
        print(f"{relative(site, root)}: no site here; run '.venv/bin/python build.py' first", file=sys.stderr)
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
