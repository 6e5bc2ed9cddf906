"""Build the whole site: normalize new seeds, load content, render, index, and swap the
result into place. The build writes into a temporary folder beside the output and only
replaces the previous site when everything succeeded, so a failed build leaves it intact."""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .checkpoints import checkpoint
from .content.config import Config
from .errors import Diagnostics, UserError
from .files import replace_folder
from .progress import Progress

if TYPE_CHECKING:
    from .render import Renderer


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
    skipped: bool = False

    def line(self, output: str) -> str:
        if self.skipped:
            return (f"nothing changed since the last build: {output} is up to date ({self.pages} pages; {self.seconds:.2f} s)"
                    + (f"; {self.warnings} warning(s) above" if self.warnings else ""))
        return (f"built {self.pages} pages ({self.reports} reports, {self.entities} entities with {self.mentions} mentions, "
                f"{self.events} events, {self.indexed} indexed for search) in {self.seconds:.2f} s → {output}"
                + (f"; {self.warnings} warning(s) above" if self.warnings else "")
                + (f"; normalized {self.normalized} new seed(s)" if self.normalized else ""))


def build_site(config: Config, diagnostics: Diagnostics, *, search: bool = True, renderer: Renderer | None = None,
               reports_cache: dict | None = None, progress: Progress | None = None) -> BuildSummary:
    """A full build. The live server passes its *renderer* and *reports_cache* to keep them warm."""
    started = time.perf_counter()
    progress = progress or Progress(diagnostics.stream)
    state = build_record(config)
    last = _last_build(state)
    fingerprint, hashes = _fingerprint(config, search, last.get("files", {}))
    if renderer is None and last.get("fingerprint") == fingerprint and (config.output / "index.html").is_file():
        for warning in last["warnings"]:  # the same input gives the same warnings: say them again
            print(warning, file=diagnostics.stream or sys.stderr)
        return BuildSummary(**{**last["summary"], "normalized": 0, "warnings": len(last["warnings"]),
                               "seconds": time.perf_counter() - started, "skipped": True})
    # Imported here: an unchanged build answers before loading the renderer and its libraries.
    from .content import load_corpus
    from .files import write_atomic, write_file
    from .ingest import ingest
    from .offline import service_worker
    from .render import Renderer
    from .search import build_search_index
    from .share_image import find_font

    progress.begin("normalizing new seeds")
    normalized = ingest(config.root, config.seeds, config.content, diagnostics, missing_only=True)
    # Normalizing may write into content/ (new pages, its record of them): the inputs this
    # build reads are those. Only files whose size or time changed are read again.
    fingerprint, hashes = _fingerprint(config, search, hashes)
    progress.begin("reading content")
    corpus = load_corpus(config.content, config.root, cache=reports_cache)
    config.output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=config.output.parent))
    try:
        renderer = renderer or Renderer(config)
        progress.begin("rendering reports", len(corpus.reports))
        renderer.prepare(corpus, progress=progress.update)
        plan = renderer.plan()
        if find_font() is None:
            diagnostics.warn(None, None, "share images are drawn without their titles: no font with Korean letters was "
                                         "found; install one (Debian: apt-get install fonts-noto-cjk) or set "
                                         "MICROSITE_FONT to a font file")
        progress.begin("writing pages", len(plan))
        renderer.write_pages(staging, plan, progress=progress.update)
        progress.end()
        _report_unresolved_dates(renderer, corpus, diagnostics)
        progress.begin("share images and data files")
        made: set[Path] = set()
        for path, produce in renderer.data_files():
            write_file(staging / path, produce(), made)
        _copy_assets(config, staging)
        (staging / ".nojekyll").write_bytes(b"")
        _check_files(staging, renderer.site_files(plan))
        if search:
            progress.begin("search index")
        indexed = build_search_index(staging) if search else 0
        (staging / "sw.js").write_bytes(service_worker(staging, version=fingerprint))
        checkpoint("swap")
        # The record is dropped before the site changes and written after: a crash in
        # between leaves no record, so the next build builds instead of trusting it.
        state.unlink(missing_ok=True)
        _swap(staging, config.output)
        checkpoint("record")
        progress.end()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    summary = BuildSummary(pages=len(plan), reports=len(corpus.reports), entities=len(corpus.entities),
                           mentions=sum(len(found) for found in renderer.index.occurrences.values()),
                           events=len(renderer.chronology.events), indexed=indexed,
                           normalized=len(normalized.written), warnings=len(diagnostics.warnings),
                           seconds=time.perf_counter() - started)
    write_atomic(state, json.dumps({"fingerprint": fingerprint, "warnings": diagnostics.warnings, "summary": {
        key: getattr(summary, key) for key in ("pages", "reports", "entities", "mentions", "events", "indexed")},
        "files": hashes}, ensure_ascii=False).encode("utf-8"))
    return summary


def build_record(config: Config) -> Path:
    """What the last build made from what (see ``build_site``): present only while site/ is that build."""
    return config.root / ".cache" / "last-build.json"


def _fingerprint(config: Config, search: bool, known: dict[str, list]) -> tuple[str, dict[str, list]]:
    """Everything a build reads: configuration, sources, templates, assets, and this
    package's own code; equal fingerprints mean an identical site. A file whose size and
    modification time (to the nanosecond) are those *known* from the last build is not
    read again: its hash is taken from there. Returns the fingerprint and, per file,
    [size, mtime, hash] for the next build."""
    settings = {key: str(value.relative_to(config.root)) if isinstance(value, Path) else value
                for key, value in vars(config).items() if key != "root"}
    digest = hashlib.sha256(json.dumps([settings, search], sort_keys=True).encode())
    package = Path(__file__).resolve().parent
    folders = (config.seeds, config.content, config.templates, config.assets, package)
    hashes: dict[str, list] = {}
    for path in [config.root / "pyproject.toml"] + sorted(p for folder in folders if folder.is_dir()
                                                            for p in folder.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts:
            continue
        stat, name = path.stat(), str(path)
        seen = known.get(name)
        if seen and seen[:2] == [stat.st_size, stat.st_mtime_ns]:
            content_hash = seen[2]
        else:
            content_hash = hashlib.sha256(path.read_bytes()).hexdigest()
        hashes[name] = [stat.st_size, stat.st_mtime_ns, content_hash]
        # Named as the project knows them, so that two clones of one project agree.
        where = path.relative_to(config.root) if path.is_relative_to(config.root) else path.relative_to(package.parent)
        digest.update(where.as_posix().encode() + b"\0" + content_hash.encode())
    return digest.hexdigest(), hashes


def _last_build(state: Path) -> dict:
    try:
        last = json.loads(state.read_text(encoding="utf-8"))
        return last if isinstance(last, dict) and isinstance(last.get("files", {}), dict) else {}
    except (OSError, ValueError):
        return {}


def _report_unresolved_dates(renderer: Renderer, corpus, diagnostics: Diagnostics) -> None:
    paths = {report.slug: report.path for report in corpus.reports}
    left: dict[str, list[str]] = {}
    for slug, text in renderer.chronology.unresolved:
        left.setdefault(slug, []).append(text)
    for slug, texts in left.items():
        diagnostics.warn(paths[slug], None, f"{len(texts)} relative date(s) left off the chronology: they need a "
                                            f"publication date (to the day) the report does not have: {', '.join(texts)}")


def _check_files(staging: Path, expected: set[str]) -> None:
    """The build wrote what the renderer says the site holds (the live server relies on
    that list to delete what no longer belongs); sw.js comes next, the search bundle after."""
    written = {path.relative_to(staging).as_posix() for path in staging.rglob("*") if path.is_file()}
    if written != expected - {"sw.js"}:
        raise RuntimeError(f"the site's files differ from its plan: written only {sorted(written - expected)[:5]}, "
                           f"planned only {sorted(expected - written - {'sw.js'})[:5]}")


def _copy_assets(config: Config, staging: Path) -> None:
    if config.assets.is_dir():
        shutil.copytree(config.assets, staging / "assets", ignore=shutil.ignore_patterns(".*"))


def _swap(staging: Path, output: Path) -> None:
    """Put the new site in place whole (see ``files.replace_folder``), unless the output
    folder holds files that are not a site this tool built."""
    if output.exists() and not (output / ".nojekyll").is_file() and any(output.iterdir()):
        raise UserError(output, None, "not replaced: this folder has files and does not look like a site this "
                                      "tool built; move them away or choose another 'output'")
    replace_folder(staging, output)
