"""``python build.py serve``: build, serve ``site/`` under the base path, watch the sources,
and rebuild only what an edit touches; browsers reload (or swap the stylesheet) when
their page changed, and show build errors in an overlay until the file is fixed.

One save gives one rebuild (events are gathered until the files are quiet for a moment),
two rebuilds never run at once, and changes that arrive during a rebuild are picked up
right after it. The search index is refreshed in the background after content changes,
so it never holds up a reload.
"""
from __future__ import annotations

import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from .content.config import Config, load_config
from .content import load_corpus, load_report
from .errors import Diagnostics, UserError
from .errors import SearchIndexError
from .files import replace_folder, write_atomic
from .ingest import ingest, sha256_hex
from .livereload import Broadcaster, PreviewServer
from .offline import service_worker
from .render import Renderer, entity_url, report_url
from .search import build_search_index
from .site import build_record, build_site

QUIET = 0.05  # seconds without events before a batch is rebuilt
LONGEST_WAIT = 1.0
_IGNORED_NAMES = ("~", ".swp", ".swx", ".tmp", ".part", ".crdownload")
_WRITES = {"created", "modified", "deleted", "moved", "closed"}


@dataclass
class Update:
    urls: set[str] = field(default_factory=set)  # site-relative addresses whose page changed
    everything: bool = False
    css_only: bool = False
    files_written: int = 0
    seconds: float = 0.0


class SiteUpdater:
    """Applies a batch of changed source files to ``site/``, redoing only what depends on them."""

    def __init__(self, root: Path, base_url: str | None, search: bool = True):
        self.root = root
        self.base_url = base_url
        self.search = search
        self.config: Config = load_config(root, base_url)
        self.renderer = Renderer(self.config)
        self.reports_cache: dict = {}
        self.files: set[str] = set()  # what site/ holds besides the search bundle
        self.record_dropped = False

    def full(self) -> None:
        diagnostics = Diagnostics(root=self.root)
        build_site(self.config, diagnostics, search=self.search, renderer=self.renderer, reports_cache=self.reports_cache)
        self.files = self.renderer.site_files(self.renderer.plan())
        self.record_dropped = False

    def update(self, changed: set[Path], first=None) -> Update:
        """Apply *changed*. An edit to existing reports first writes their own pages and
        calls *first* with those addresses, before the slower pages that list them."""
        started = time.perf_counter()
        config = self.config
        kinds = {self._kind(path) for path in changed} - {None}
        if "config" in kinds:
            self.config = load_config(self.root, self.base_url)
            self.renderer = Renderer(self.config)
            self.reports_cache = {}
            self.full()
            return Update(everything=True, seconds=time.perf_counter() - started)
        if kinds <= {"css"}:
            written = self._copy_assets(changed)
            return Update(css_only=True, files_written=len(written), seconds=time.perf_counter() - started)
        diagnostics = Diagnostics(root=self.root)
        if kinds == {"report"} and first is not None:
            early = self._lone_reports(changed, diagnostics)
            if early:
                first(early)
        if "seed" in kinds:  # re-normalize; hand-edited pages are left alone
            ingest(self.root, config.seeds, config.content, diagnostics, missing_only=False)
        previous = self.renderer.corpus
        mentioned_before = {r.path: self.renderer.mentioned(r.slug) for r in previous.reports} if previous else {}
        corpus = load_corpus(config.content, self.root, cache=self.reports_cache)
        self.renderer.prepare(corpus)
        only = self._affected(kinds, changed, corpus, previous, mentioned_before)
        pages = self.renderer.pages(only)
        files = {page.path: page.html.encode("utf-8") for page in pages} | self.renderer.cards(pages)
        files |= {path: _joined(produce()) for path, produce in self.renderer.data_files()}
        written = {path for path, data in files.items() if self._write(path, data)}
        written |= self._copy_assets({p for p in changed if self._kind(p) in ("css", "asset")})
        written |= self._remove_stale(self.renderer.site_files(self.renderer.plan()))
        urls = {page.url for page in pages if page.path in written}
        return Update(urls=urls, everything=only is None, files_written=len(written), seconds=time.perf_counter() - started)

    def _remove_stale(self, expected: set[str]) -> set[str]:
        """Delete the files the site no longer holds (a report's page, source page, card
        and raw capture when its page is deleted), then the folders left empty; the
        service worker's list of files follows."""
        stale, self.files = self.files - expected, expected
        if not stale:
            return set()
        self._drop_record()
        site = self.config.output
        for path in stale:
            (site / path).unlink(missing_ok=True)
        for folder in sorted({(site / path).parent for path in stale}, key=lambda f: -len(f.parts)):
            while folder != site and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        write_atomic(site / "sw.js", service_worker(site, version="preview-" + sha256_hex("\n".join(sorted(expected)).encode())))
        return stale

    def _lone_reports(self, changed: set[Path], diagnostics: Diagnostics) -> set[str]:
        """The pages of edited reports that keep their address, written straight away."""
        previous = self.renderer.corpus
        known = {self.root / report.path: report for report in previous.reports} if previous else {}
        written = set()
        for path in changed:
            if path not in known or not path.is_file():
                continue
            report = load_report(path, self.root, self.reports_cache)
            if report.slug != known[path].slug:
                continue
            page = self.renderer.lone_report_page(report)
            if self._write(page.path, page.html.encode("utf-8")):
                written.add(page.url)
        return written

    def _kind(self, path: Path) -> str | None:
        """What an edited file is, which decides the pages it can change."""
        config = self.config
        if path == self.root / "pyproject.toml":
            return "config"
        if path.is_relative_to(config.content):
            parts = path.relative_to(config.content).parts
            if parts == ("chronology.toml",):
                return "chronology"
            return {"reports": "report", "entities": "entities", "pages": "pages"}.get(parts[0])
        if path.is_relative_to(config.assets):
            return "css" if path.suffix == ".css" else "asset"
        for folder, kind in ((config.seeds, "seed"), (config.templates, "template")):
            if path.is_relative_to(folder):
                return kind
        return None

    def _affected(self, kinds: set[str], changed: set[Path], corpus, previous, mentioned_before: dict) -> set[str] | None:
        """The addresses of the pages an edit can change; None means all of them."""
        if kinds & {"entities", "seed", "asset"} or previous is None:
            return None
        if {r.path for r in corpus.reports} != set(mentioned_before) or {p.path for p in corpus.pages} != {p.path for p in previous.pages}:
            return None  # a report or page came or went: lists, counts and navigation change everywhere
        only: set[str] = set()
        if "template" in kinds:
            names = {path.name for path in changed if path.is_relative_to(self.config.templates)}
            plan = self.renderer.plan()
            if "base.html" in names or names - {planned.template for planned in plan}:
                return None
            only |= {planned.url for planned in plan if planned.template in names}
        if "report" in kinds:
            for report in corpus.reports:
                if self.config.root / report.path in changed:
                    entities = mentioned_before.get(report.path, set()) | self.renderer.mentioned(report.slug)
                    only |= {"", "entities/", "chronology/", report_url(report), f"sources/{report.slug}/"}
                    only |= {entity_url(entity) for entity in entities}
        if "chronology" in kinds:
            only |= {"chronology/"} | {entity_url(e.id) for e in corpus.entities}
        if "pages" in kinds:
            only |= {f"{path.stem}/" for path in changed if path.suffix == ".md"}
        return only

    def _write(self, path: str, data: bytes) -> bool:
        """Write a file of the site when its bytes changed; True if it did."""
        target = self.config.output / path
        try:
            if target.read_bytes() == data:
                return False
        except OSError:
            pass
        self._drop_record()
        write_atomic(target, data)
        return True

    def _drop_record(self) -> None:
        """Once the preview changes site/, the last build's record no longer describes it:
        the next ``build.py`` must build rather than trust it."""
        if not self.record_dropped:
            build_record(self.config).unlink(missing_ok=True)
            self.record_dropped = True

    def _copy_assets(self, changed: set[Path]) -> set[str]:
        assets = self.config.assets
        return {f"assets/{path.relative_to(assets).as_posix()}" for path in changed
                if path.is_file() and path.is_relative_to(assets)
                and self._write(f"assets/{path.relative_to(assets).as_posix()}", path.read_bytes())}

    def refresh_search(self) -> int:
        """Rebuild the search index beside the site and put it in place whole."""
        if not self.search:
            return 0
        fresh = self.root / ".cache" / "pagefind-build"
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        count = build_search_index(self.config.output, output=fresh / "pagefind")
        self._drop_record()
        replace_folder(fresh / "pagefind", self.config.output / "pagefind")
        shutil.rmtree(fresh, ignore_errors=True)
        return count


class _Collector(FileSystemEventHandler):
    def __init__(self, session: "LiveSession"):
        self.session = session

    def on_any_event(self, event) -> None:
        # Reads are events too on Linux ("opened", "closed_no_write"): only writes count,
        # or every rebuild (which reads the sources) would trigger the next one.
        if event.event_type not in _WRITES or (event.is_directory and event.event_type != "moved"):
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self.session.notice(Path(raw))


class LiveSession:
    """The watcher, the rebuild worker, the search refresher and the server, together."""

    def __init__(self, root: Path, host: str, port: int, base_url: str | None, *, search: bool = True, log=print,
                 quiet: float = QUIET):
        self.root = root.resolve()
        self.quiet = quiet  # seconds without events that end a burst
        self.updater = SiteUpdater(self.root, base_url, search)
        self.broadcaster = Broadcaster()
        self.host, self.port = host, port
        self.log = log
        self.pending: set[Path] = set()
        self.last_event = 0.0
        self.condition = threading.Condition()
        self.stopping = False
        self.rebuilds = 0
        self.busy = False  # a rebuild is running
        self.search_wanted = threading.Event()
        self.threads: list[threading.Thread] = []
        self.server: PreviewServer | None = None
        self.observer = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{self.updater.config.base_path}"

    def start(self) -> str:
        self.updater.full()
        config = self.updater.config
        self.server = PreviewServer((self.host, self.port), config.output, config.base_path, self.broadcaster)
        self.observer = Observer()
        for folder in (config.seeds, config.content, config.templates, config.assets):
            if folder.is_dir():
                self.observer.schedule(_Collector(self), str(folder), recursive=True)
        self.observer.schedule(_Collector(self), str(self.root), recursive=False)
        self.observer.start()
        for target in (self.server.serve_forever, self._rebuild_loop, self._search_loop):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self.threads.append(thread)
        return self.url

    def notice(self, path: Path) -> None:
        config = self.updater.config
        if path.name.startswith((".", "#")) or path.name.endswith(_IGNORED_NAMES) or path.name == "4913":
            return
        if path.is_relative_to(config.output) or path.is_relative_to(self.root / ".cache"):
            return
        if path.parent == self.root and path.name != "pyproject.toml":
            return
        with self.condition:
            self.pending.add(path)
            self.last_event = time.monotonic()
            self.condition.notify()

    def _rebuild_loop(self) -> None:
        while True:
            with self.condition:
                while not self.pending and not self.stopping:
                    self.condition.wait()
                if self.stopping:
                    return
                first = time.monotonic()
                while not self.stopping:  # gather the burst: editors save through temporary files and renames
                    quiet_for = time.monotonic() - self.last_event
                    if quiet_for >= self.quiet or time.monotonic() - first >= max(LONGEST_WAIT, self.quiet):
                        break
                    self.condition.wait(self.quiet - quiet_for)
                batch, self.pending = self.pending, set()
            self._rebuild(batch)

    def _rebuild(self, batch: set[Path]) -> None:
        self.busy = True
        try:
            self._apply(batch)
        finally:
            self.busy = False

    def _apply(self, batch: set[Path]) -> None:
        self.rebuilds += 1
        base = self.updater.config.base_path

        def first(urls: set[str]) -> None:
            self.broadcaster.send("reload", {"all": False, "paths": sorted(base + url for url in urls)})

        try:
            update = self.updater.update(batch, first=first)
        except UserError as error:
            message = error.show(self.root)
            print(message, file=sys.stderr)
            self.broadcaster.send("build-error", {"message": message})
            return
        except Exception as error:  # noqa: BLE001 - the server must survive whatever a rebuild raises
            message = f"{type(error).__name__}: {error}"
            print(f"rebuild failed: {message}", file=sys.stderr)
            self.broadcaster.send("build-error", {"message": message})
            return
        if self.broadcaster.error:
            self.broadcaster.send("build-ok", {})
        if update.css_only:
            self.broadcaster.send("css", {})
        else:
            self.broadcaster.send("reload", {"all": update.everything, "paths": sorted(base + url for url in update.urls)})
            self.search_wanted.set()
        names = ", ".join(sorted(p.name for p in batch))
        self.log(f"rebuilt in {update.seconds * 1000:.0f} ms ({update.files_written} file(s) written) after: {names}")

    def _search_loop(self) -> None:
        while not self.stopping:
            if not self.search_wanted.wait(timeout=0.5):
                continue
            time.sleep(0.3)  # let a burst of edits settle
            self.search_wanted.clear()
            try:
                self.updater.refresh_search()
            except (SearchIndexError, OSError) as error:
                print(f"search index not refreshed: {error}", file=sys.stderr)

    def stop(self) -> None:
        with self.condition:
            self.stopping = True
            self.condition.notify_all()
        self.search_wanted.set()
        if self.observer is not None:
            self.observer.stop()
            self.observer.join(timeout=5)
        self.broadcaster.close()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        for thread in self.threads:
            thread.join(timeout=5)
        shutil.rmtree(self.root / ".cache" / "pagefind-build", ignore_errors=True)
        shutil.rmtree(self.root / ".cache" / "pagefind-old", ignore_errors=True)


def serve(root: Path, host: str, port: int, base_url: str | None, search: bool = True) -> int:
    signal.signal(signal.SIGTERM, _interrupt)  # a terminating service stops as Ctrl-C does: cleanly
    session = LiveSession(root, host, port, base_url, search=search)
    try:
        url = session.start()
        print(f"serving {url} — watching seeds/, content/, templates/, assets/ and pyproject.toml; Ctrl-C stops")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopping")
    finally:
        session.stop()
    return 0


def _interrupt(number, frame) -> None:
    raise KeyboardInterrupt


def _joined(data: bytes | Iterable[bytes]) -> bytes:
    return data if isinstance(data, bytes) else b"".join(data)
