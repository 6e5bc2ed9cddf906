"""What one batch of edits does to ``site/`` in the live preview: the build's pipeline run
on ``site/`` itself, writing only the files whose key changed and deleting what no longer
belongs; and the search index, refreshed beside the site and put in place whole."""
from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..content import Config, load_config, load_report
from ..errors import Diagnostics, UserError
from ..files import replace_folder, write_file
from ..ingest import ingest
from ..output import KINDS, Site, render
from ..pipeline import build
from ..pipeline.record import drop_record, fingerprint, project_hashes, read_record, write_record
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
        self.hashes: dict[str, list] = {}  # project files' hashes, by size and time (see pipeline.record)
        self.pages_key = ""  # what the pages are made from now; the search bundle follows it

    def full(self) -> None:
        with self.lock:
            build(self.config, Diagnostics(root=self.root), search=self.search, pipeline=self.pipeline)
            self.record = read_record(self.config)
            self.pages_key = self.record.get("search", "")

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
            drop_record(self.config)  # dropped while site/ changes, written after: see pipeline/record.py
            if first is not None and kinds == {"source"}:
                self._reports_first(changed, first)
            _, self.hashes = fingerprint(self.config, self.search, self.hashes)
            prepared = self.pipeline.prepare(project_hashes(self.config, self.hashes))
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

    def _reports_first(self, changed: set[Path], first) -> None:
        """Edited reports that keep their address: their pages written from the last reading
        with only them read anew, so a reader sees the edit before the pages that list it
        are brought up to date (the pipeline then finds these pages done)."""
        last, reports = self.pipeline.last, self.config.content / "reports"
        if last is None or not all(path.parent == reports and path.suffix == ".md" for path in changed):
            return
        try:
            edited = {report.slug: report for report in (load_report(path, self.root, self.pipeline.pages) for path in changed)}
        except UserError:
            return  # the whole update says what is wrong, at its line
        model = last.model
        if not edited or not set(edited) <= set(last.site.reports):
            return
        corpus = replace(model.corpus, reports=tuple(edited.get(report.slug, report) for report in model.corpus.reports))
        texts = {**model.texts, **{slug: self.pipeline.reader.read(report) for slug, report in edited.items()}}
        site = Site(self.config, replace(model, corpus=corpus, texts=texts), self.pipeline.templates, last.site.file_hashes)
        kind = next(kind for kind in KINDS if kind.name == "report")
        keys, made = self.record.setdefault("keys", {}), set()
        pages = [planned for planned in kind.pages(kind, site) if planned.args[0] in edited]
        for planned in pages:
            if keys.get(planned.path) != planned.key:
                write_file(self.config.output / planned.path, render(site, planned)[0].encode("utf-8"), made, replace=True)
                keys[planned.path] = planned.key
        if pages:
            first({planned.url for planned in pages})

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
            if self.record.get("search") == self.pages_key:
                return self.record.get("indexed", 0)
            wanted = self.pages_key
        fresh = self.root / ".cache" / "pagefind-build"
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        count = build_search_index(self.config.output, output=fresh / "pagefind", language=self.config.language)
        with self.lock:
            drop_record(self.config)
            replace_folder(fresh / "pagefind", self.config.output / "pagefind")
            self.record = {**self.record, "search": wanted, "indexed": count}
            self.pipeline.write_worker(self.config.output, self.record)
            write_record(self.config, self.record)
        shutil.rmtree(fresh, ignore_errors=True)
        return count
