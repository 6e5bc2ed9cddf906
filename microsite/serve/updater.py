"""What one batch of edits does to ``site/`` in the live preview: the build's pipeline run
on ``site/`` itself, writing only the files whose key changed and deleting what no longer
belongs; and the search index, refreshed beside the site and put in place whole."""
from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..content import Config, load_config
from ..errors import Diagnostics
from ..files import replace_folder
from ..ingest import ingest
from ..pipeline import build
from ..pipeline.record import drop_record, read_record, write_record
from ..pipeline.sync import Pipeline
from ..search import build_search_index


@dataclass
class Update:
    urls: set[str] = field(default_factory=set)  # site-relative addresses whose page changed
    everything: bool = False
    css_only: bool = False
    files_written: int = 0
    seconds: float = 0.0


class SiteUpdater:
    """Applies a batch of changed source files to ``site/`` with the build's pipeline: only
    the files whose key changed are written, and what no longer belongs is deleted."""

    def __init__(self, root: Path, base_url: str | None, search: bool = True):
        self.root = root
        self.base_url = base_url
        self.search = search
        self.config: Config = load_config(root, base_url)
        self.pipeline = Pipeline(self.config, search=search)
        self.record: dict = {}  # what site/ holds, as the next build will read it
        self.lock = threading.Lock()  # site/ and its record, between updates and the search refresh

    def full(self) -> None:
        with self.lock:
            build(self.config, Diagnostics(root=self.root), search=self.search, pipeline=self.pipeline)
            self.record = read_record(self.config)

    def update(self, changed: set[Path], first=None) -> Update:
        """Apply *changed*. An edit to existing reports first writes their own pages and
        calls *first* with those addresses, before the slower pages that list them."""
        started = time.perf_counter()
        kinds = {self._kind(path) for path in changed} - {None}
        if "config" in kinds:
            self.config = load_config(self.root, self.base_url)
            self.pipeline = Pipeline(self.config, search=self.search)
            self.full()
            return Update(everything=True, seconds=time.perf_counter() - started)
        if "seed" in kinds:  # re-normalize; hand-edited pages are left alone
            ingest(self.root, self.config.seeds, self.config.content, Diagnostics(root=self.root), missing_only=False,
                   store=self.pipeline.pages)
        with self.lock:
            prepared = self.pipeline.prepare()
            drop_record(self.config)  # dropped while site/ changes, written after: see pipeline/record.py
            synced = self.pipeline.sync(prepared, self.config.output, self.record.get("keys", {}), replace=True,
                                        first=first)
            self.record = {"keys": prepared.keys, "search": self.record.get("search", ""),
                           "indexed": self.record.get("indexed", 0), "spare": self.record.get("spare", {})}
            self.pipeline.write_worker(self.config.output, self.record)
            write_record(self.config, self.record)
            self.pages_key = prepared.pages_key
        pages = {file.path: file.page.url for file in prepared.files if file.page}
        written = (synced.written - synced.early) | synced.removed
        css_only = bool(written) and all(path.startswith("assets/") and path.endswith(".css") for path in written)
        return Update(urls={pages[path] for path in written if path in pages}, css_only=css_only,
                      everything=any(path.startswith("assets/") and not path.endswith(".css") for path in written),
                      files_written=len(written), seconds=time.perf_counter() - started)

    def _kind(self, path: Path) -> str | None:
        """What an edited file is: the configuration, a seed, or anything else the site is made from."""
        config = self.config
        if path == self.root / "pyproject.toml":
            return "config"
        if path.is_relative_to(config.seeds):
            return "seed"
        if any(path.is_relative_to(folder) for folder in (config.content, config.assets, config.templates)):
            return "source"
        return None

    def refresh_search(self) -> int:
        """Rebuild the search index beside the site and put it in place whole."""
        if not self.search:
            return 0
        with self.lock:
            if self.record.get("search") == getattr(self, "pages_key", self.record.get("search")):
                return self.record.get("indexed", 0)
            wanted = self.pages_key
        fresh = self.root / ".cache" / "pagefind-build"
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        count = build_search_index(self.config.output, output=fresh / "pagefind")
        with self.lock:
            drop_record(self.config)
            replace_folder(fresh / "pagefind", self.config.output / "pagefind")
            self.record = {**self.record, "search": wanted, "indexed": count}
            self.pipeline.write_worker(self.config.output, self.record)
            write_record(self.config, self.record)
        shutil.rmtree(fresh, ignore_errors=True)
        return count
