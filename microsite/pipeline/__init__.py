"""The build: one pipeline (``sync``) for the command line and the live preview, and the
record of what ``site/`` holds (``record``).

A build normalizes new and changed seeds, reads the project, and brings a copy of
``site/`` (its files linked, not copied) to what the project makes — writing only the
files whose key changed — then swaps the copy in whole. A failed or interrupted build
leaves the previous site as it was; an unchanged project is not built at all."""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..checkpoints import checkpoint
from ..content import Config
from ..errors import Diagnostics, UserError
from ..files import replace_folder
from ..progress import Progress
from .record import drop_record, fingerprint, project_hashes, read_record, write_record

if TYPE_CHECKING:  # imported when a build runs: an unchanged project is answered without them
    from .sync import Pipeline, Prepared


@dataclass(frozen=True)
class BuildSummary:
    pages: int
    reports: int
    entities: int
    mentions: int
    events: int
    indexed: int
    normalized: int
    warnings: int
    seconds: float
    written: int = 0
    skipped: bool = False

    def line(self, output: str) -> str:
        if self.skipped:
            return (f"nothing changed since the last build: {output} is up to date ({self.pages} pages; {self.seconds:.2f} s)"
                    + (f"; {self.warnings} warning(s) above" if self.warnings else ""))
        return (f"built {self.pages} pages ({self.reports} reports, {self.entities} entities with {self.mentions} mentions, "
                f"{self.events} events, {self.indexed} indexed for search) in {self.seconds:.2f} s → {output}"
                + (f"; {self.warnings} warning(s) above" if self.warnings else "")
                + (f"; normalized {self.normalized} new seed(s)" if self.normalized else ""))


def build(config: Config, diagnostics: Diagnostics, *, search: bool = True, pipeline: Pipeline | None = None,
          progress: Progress | None = None) -> BuildSummary:
    """Build ``site/``. The live preview passes its *pipeline* to keep what it read warm."""
    started = time.perf_counter()
    progress = progress or Progress(diagnostics.stream)
    last = read_record(config)
    inputs, hashes = fingerprint(config, search, last.get("files", {}))
    if pipeline is None and last.get("fingerprint") == inputs and (config.output / "index.html").is_file():
        for warning in last["warnings"]:  # the same input gives the same warnings: say them again
            print(warning, file=diagnostics.stream or sys.stderr)
        return BuildSummary(**{**last["summary"], "normalized": 0, "warnings": len(last["warnings"]),
                               "seconds": time.perf_counter() - started, "skipped": True})
    from ..ingest import ingest
    from ..output.cards import find_font
    from .sync import Pipeline

    pipeline = pipeline or Pipeline(config, search=search)
    progress.begin("normalizing new and changed seeds")
    normalized = ingest(config.root, config.seeds, config.content, diagnostics, missing_only=True, store=pipeline.pages)
    # Normalizing may write into content/ (new pages, its record of them): the inputs this
    # build reads are those. Only files whose size or time changed are read again.
    inputs, hashes = fingerprint(config, search, hashes)
    progress.begin("reading content")
    prepared = pipeline.prepare(project_hashes(config, hashes), progress=progress.update)
    _warn_unresolved_dates(prepared, diagnostics)
    if config.base_url.startswith("http") and find_font() is None:  # only a published site has share images
        diagnostics.warn(None, None, "share images are drawn without their titles: no font with Korean letters was "
                                     "found; install one (Debian: apt-get install fonts-noto-cjk) or set "
                                     "MICROSITE_FONT to a font file")
    config.output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=config.output.parent))
    try:
        keys, base = _start_from(config, staging, last)
        pages = sum(1 for file in prepared.files if file.page)
        progress.begin("writing pages", pages)
        synced = pipeline.sync(prepared, staging, keys, replace=bool(keys), progress=progress.update)
        if search:
            progress.begin("search index")
        recorded = pipeline.finish(prepared, staging, base, lambda: _index(staging, config.language))
        checkpoint("swap")
        drop_record(config)  # dropped before the site changes, written after: see record.py
        replaced = _swap(staging, config)
        checkpoint("record")
        progress.end()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    model = prepared.model
    summary = BuildSummary(pages=pages, reports=len(model.corpus.reports), entities=len(model.corpus.entities),
                           mentions=sum(len(found) for found in model.index.occurrences.values()),
                           events=len(model.chronology.events), indexed=recorded["indexed"],
                           normalized=len(normalized.written), warnings=len(diagnostics.warnings),
                           seconds=time.perf_counter() - started, written=len(synced.written))
    spare = {key: last[key] for key in ("keys", "search", "indexed") if key in last} if replaced and last.get("keys") else {}
    write_record(config, {**recorded, "fingerprint": inputs, "warnings": diagnostics.warnings, "files": hashes,
                          "spare": spare,
                          "summary": {key: getattr(summary, key)
                                      for key in ("pages", "reports", "entities", "mentions", "events", "indexed")}})
    pipeline.save_caches()
    return summary


def spare_path(config: Config) -> Path:
    """The site before the current one, kept whole: the next build brings it up to date and
    swaps it in, writing only what changed in two builds (a cache: deleting it costs one
    slower build)."""
    return config.root / ".cache" / "site-spare"


def _start_from(config: Config, staging: Path, last: dict) -> tuple[dict[str, str], dict]:
    """Fill *staging* with the site the record knows best: the spare (the site before the
    current one), else the current site's files linked, else nothing. Returns the keys of
    what *staging* holds and the record of it ({} for nothing)."""
    output, spare, known = config.output, spare_path(config), last.get("spare") or {}
    if known.get("keys") and (spare / "index.html").is_file():
        staging.rmdir()
        spare.rename(staging)
        return known["keys"], known
    keys = last.get("keys") or {}
    if not keys or not (output / "index.html").is_file():
        return {}, {}
    staging.rmdir()
    try:  # GNU cp links thousands of files in a tenth of Python's time
        subprocess.run(["cp", "-al", "--", str(output), str(staging)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(output, staging, copy_function=_link)
    return keys, last


def _link(source: str, target: str) -> None:
    try:
        Path(target).hardlink_to(source)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


def _index(folder: Path, language: str) -> int:
    """A new search bundle in *folder*; the old one there is links to the live site's files,
    which the indexer must not write into."""
    from ..search import build_search_index
    shutil.rmtree(folder / "pagefind", ignore_errors=True)
    return build_search_index(folder, language=language)


def _warn_unresolved_dates(prepared: Prepared, diagnostics: Diagnostics) -> None:
    paths = {report.slug: report.path for report in prepared.model.corpus.reports}
    left: dict[str, list[str]] = {}
    for slug, text in prepared.model.chronology.unresolved:
        left.setdefault(slug, []).append(text)
    for slug, texts in left.items():
        diagnostics.warn(paths[slug], None, f"{len(texts)} relative date(s) left off the chronology: they need a "
                                            f"publication date (to the day) the report does not have: {', '.join(texts)}")


def _swap(staging: Path, config: Config) -> bool:
    """Put the new site in place whole (see ``files.replace_folder``), keeping the old one as
    the spare, unless the output folder holds files that are not a site this tool built.
    True when there was an old site."""
    output = config.output
    if output.exists() and not (output / ".nojekyll").is_file() and any(output.iterdir()):
        raise UserError(output, None, "not replaced: this folder has files and does not look like a site this "
                                      "tool built; move them away or choose another 'output'")
    return replace_folder(staging, output, keep_old_at=spare_path(config))


__all__ = ["BuildSummary", "build"]
