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
from pathlib import Path

from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer

from ..errors import SearchIndexError, UserError
from .server import Broadcaster, PreviewServer
from .updater import SiteUpdater

QUIET = 0.05  # seconds without events before a batch is rebuilt
LONGEST_WAIT = 1.0
_IGNORED_NAMES = ("~", ".swp", ".swx", ".tmp", ".part", ".crdownload")
_WRITES = {"created", "modified", "deleted", "moved", "closed"}


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
        while True:  # short sleeps: a signal the kernel hands to another thread still stops us
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("stopping")
    finally:
        session.stop()
    print("stopped")
    return 0


def _interrupt(number, frame) -> None:
    raise KeyboardInterrupt
