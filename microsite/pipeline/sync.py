"""Bring a folder to exactly the files the site should hold: read the content, build the
model, list the files with their keys (``output``), then write the files whose key
changed (pages on every core), delete what no longer belongs, and refresh the search
bundle and the service worker when the pages they follow changed. The command line runs
it on a copy of ``site/`` that is then swapped in; the live preview on ``site/`` itself."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..cache import Store, digest
from ..checkpoints import checkpoint
from ..content import Config, load_corpus
from ..files import write_file
from ..model import Reader, SiteModel, build_model
from ..output import Site, SiteFile, card_bytes, planned_pages, render, site_files
from ..output.templates import Templates
from ..output.worker import service_worker
from ..workers import parallel_map

UNMANAGED = ("pagefind", "search-index.js", "sw.js")  # made after the files, from them (see ``finish``)


@dataclass
class Prepared:
    """One reading of the project: the model, and every file the site should hold."""
    site: Site
    files: list[SiteFile]

    @property
    def model(self) -> SiteModel:
        return self.site.model

    @property
    def keys(self) -> dict[str, str]:
        return {file.path: file.key for file in self.files}

    @property
    def pages_key(self) -> str:
        """What the search bundle is made from: every page."""
        return digest(*(file.key for file in self.files if file.page))


@dataclass
class Synced:
    written: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    early: set[str] = field(default_factory=set)  # written before the rest, and announced then


class Pipeline:
    """Keeps what it can reuse from one run to the next: parsed report pages and read
    report texts (on disk between runs, in memory in the preview), compiled templates."""

    def __init__(self, config: Config, *, search: bool = True):
        self.config, self.search = config, search
        cache = config.root / ".cache"
        self.pages = Store(cache / "pages.pickle")
        self.reader = Reader(Store(cache / "texts.pickle"))
        self.templates = Templates(config.templates, config.root)
        self.last: Prepared | None = None  # the last reading, for the preview's quick report pages

    def prepare(self, file_hashes: dict[str, str] | None = None,
                progress: Callable[[int], None] | None = None) -> Prepared:
        corpus = load_corpus(self.config.content, self.config.root, store=self.pages)
        model = build_model(corpus, self.reader, progress)
        self.templates.forget_digests()  # a template may have changed since the last run
        site = Site(self.config, model, self.templates, file_hashes)
        self.last = Prepared(site, site_files(site, planned_pages(site)))
        return self.last

    def save_caches(self) -> None:
        self.pages.save()
        self.reader.store.save()

    def sync(self, prepared: Prepared, folder: Path, keys: dict[str, str], *, replace: bool,
             first: Callable[[set[str]], None] | None = None, progress: Callable[[int], None] | None = None) -> Synced:
        """Write into *folder* every file whose key differs from *keys* (what it holds now)
        or that is missing, and delete what does not belong. With *first*, the pages of the
        reports that changed are written before the rest and *first* is told their addresses."""
        site, synced = prepared.site, Synced()
        todo = [file for file in prepared.files if keys.get(file.path) != file.key or not (folder / file.path).is_file()]
        cards = {file.card_of.path: file for file in todo if file.card_of}
        pages = [file for file in todo if file.page]
        made: set[Path] = set()

        def write(file: SiteFile, data) -> None:
            write_file(folder / file.path, data, made, replace=replace)
            synced.written.add(file.path)

        def write_page(file: SiteFile) -> None:
            html, text = render(site, file.page)
            write(file, html.encode("utf-8"))
            card = cards.get(file.path)
            if card:
                write(card, card_bytes(site, file.page, text))

        if first is not None:
            early = [file for file in pages if file.page.kind.name == "report"]
            for file in early:
                write_page(file)
            pages = [file for file in pages if file not in early]
            if early:
                first({file.page.url for file in early})
        done = synced.early = set(synced.written)

        def job(number: int) -> list[str]:
            if number == len(pages) // 2:
                checkpoint("rendering")
            before = set(synced.written)
            write_page(pages[number])
            return sorted(synced.written - before)

        for paths in parallel_map(job, len(pages), progress=progress):
            synced.written.update(paths)
        rendered = {file.path for file in pages} | done
        for file in todo:
            if file.page:
                continue
            if file.card_of:
                if file.card_of.path not in rendered:
                    write(file, file.make())
            else:
                write(file, file.make())
        synced.removed = _remove_stale(folder, {file.path for file in prepared.files})
        return synced

    def finish(self, prepared: Prepared, folder: Path, record: dict, indexed: Callable[[], int]) -> dict:
        """After ``sync``: the search bundle when the pages it was made from changed (or it is
        missing), then the service worker for the files as they are. *record*: what was
        recorded of *folder*; returns what to record now."""
        now = {"keys": prepared.keys, "search": record.get("search", ""), "indexed": record.get("indexed", 0)}
        if self.search and (record.get("search") != prepared.pages_key or not (folder / "pagefind").is_dir()
                            or not (folder / "search-index.js").is_file()):
            now["indexed"], now["search"] = indexed(), prepared.pages_key
        elif not self.search:
            now["search"], now["indexed"] = "", 0
        self.write_worker(folder, now)
        return now

    def write_worker(self, folder: Path, record: dict) -> None:
        """sw.js for the files now in *folder*, versioned by what they are made from."""
        version = digest(sorted(record["keys"].items()), record["search"])
        data = service_worker(folder, version)
        target = folder / "sw.js"
        if not target.is_file() or target.read_bytes() != data:
            write_file(target, data, set(), replace=True)


def _remove_stale(folder: Path, wanted: set[str]) -> set[str]:
    """Delete the files of *folder* that are not *wanted* (leaving the search bundle and the
    service worker), then the folders left empty."""
    removed = set()
    for directory, folders, names in os.walk(folder):
        relative = os.path.relpath(directory, folder)
        if relative == ".":
            folders[:] = [name for name in folders if name not in UNMANAGED]
        for name in names:
            path = name if relative == "." else f"{relative}/{name}".replace(os.sep, "/")
            if path not in wanted and path not in UNMANAGED:
                (folder / path).unlink()
                removed.add(path)
    for directory in sorted({(folder / path).parent for path in removed}, key=lambda f: -len(f.parts)):
        while directory != folder and directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
            directory = directory.parent
    return removed
