"""Write normalized seeds into ``content/reports/`` without ever losing a human edit.

``content/reports/.normalized.json`` remembers, per seed, the page it produced and that
page's hash. A page whose bytes still match was not touched by a person and may be
regenerated; any other page belongs to its editor and is never overwritten. When a seed
changes after its page was edited, both are left alone and the build says what to do.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..cache import Store
from ..checkpoints import checkpoint
from ..content.frontmatter import dump_page, parse_page
from ..content.reports import load_report
from ..errors import Diagnostics, UserError, relative
from ..files import inside_project, project_files, write_atomic
from ..workers import parallel_map
from .audit import LineFate, audit_seed, recorded
from .decode import Decoded, NotText, decode_seed
from .manifest import MANIFEST_NAME, SourceEntry, load_manifest

if TYPE_CHECKING:
    from .cascade import Draft

LOCK_NAME = ".normalized.json"
SEED_SUFFIXES = {".txt", ".html", ".htm", ".md", ".text"}
MAX_SEED_BYTES = 8 * 1024 * 1024  # a news capture is tens of kilobytes; larger is a mistake


@dataclass
class IngestResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edited: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def seed_files(seeds_dir: Path, diagnostics: Diagnostics, root: Path) -> list[Path]:
    """The captures in *seeds_dir*; other files there are named in *diagnostics*, never skipped without a word."""
    if not seeds_dir.is_dir():
        return []
    found = []
    for path in sorted(seeds_dir.iterdir()):
        hidden = path.name.startswith(".")  # .DS_Store, .gitkeep, editors' files: hidden on purpose
        if not hidden and path.is_symlink():
            inside_project(path, root)
        if path.name == MANIFEST_NAME or not path.is_file():
            continue
        capture = path.suffix.lower() in SEED_SUFFIXES
        if capture and not hidden:
            found.append(path)
        elif capture or not hidden:
            diagnostics.warn(relative(path, root), None, "left out: a capture's name ends in "
                             f"{', '.join(sorted(SEED_SUFFIXES))} and does not start with '.'")
    return found


def ingest(root: Path, seeds_dir: Path, content_dir: Path, diagnostics: Diagnostics, *, missing_only: bool,
           store: Store | None = None) -> IngestResult:
    """Normalize seeds into pages. With *missing_only* (the build), only seeds that are new,
    changed, or whose manifest entry changed since their page was made are normalized.
    *store*: the build's parsed report pages, so unchanged ones are not parsed again.
    The record keeps, with each seed, what the normalizer made of each of its lines (its
    audit), so a build never normalizes a seed again to show it."""
    reports_dir = content_dir / "reports"
    reports_dir.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(seeds_dir)
    lock_path = reports_dir / LOCK_NAME
    lock = _read_lock(lock_path, root)
    pages_by_source = _pages_by_source(reports_dir, root, store)
    result = IngestResult()
    seeds = seed_files(seeds_dir, diagnostics, root)
    for name in sorted(set(manifest) - {p.name for p in seeds}):
        diagnostics.warn(relative(seeds_dir / MANIFEST_NAME, root), manifest[name].line,
                         f"no seed file named '{name}' in {relative(seeds_dir, root)}/")
    todo = []  # (seed_rel, bytes, sha, manifest entry, its existing page): the seeds to normalize
    unaudited = []  # (seed_rel, bytes, sha): seeds whose page stands, whose audit the record lacks
    claimed: dict[str, str] = {}
    copies: dict[str, str] = {}  # content hash -> the first seed with those bytes
    for seed in seeds:
        seed_rel = relative(seed, root)
        data = seed.read_bytes()
        if len(data) > MAX_SEED_BYTES:
            raise UserError(seed_rel, None, f"seed is {len(data) // (1024 * 1024)} MB; the limit is {MAX_SEED_BYTES // (1024 * 1024)} MB")
        sha = sha256_hex(data)
        if sha in copies:
            diagnostics.warn(seed_rel, None, f"the same bytes as {copies[sha]} (SHA-256 {sha[:12]}…): a second copy of one "
                                             "capture makes no second report; delete one of the two")
            continue
        copies[sha] = seed_rel
        entry = manifest.get(seed.name)
        existing = pages_by_source.get(seed_rel)
        if missing_only and existing is not None and existing[1] == sha \
                and lock.get(seed_rel, {}).get("manifest_sha256") == _entry_hash(entry):
            if _audit_lines(lock[seed_rel], sha) is None:  # a record from before audits were kept
                unaudited.append((seed_rel, data, sha))
            continue  # its page was made from these bytes and this manifest entry
        todo.append((seed_rel, data, sha, entry, existing))
    for (seed_rel, _, sha), fates in zip(unaudited, parallel_map(lambda n: audit_seed(unaudited[n][1]), len(unaudited),
                                                                  at_least=16), strict=True):
        lock[seed_rel]["audit"] = {"sha256": sha, "lines": recorded(fates)}
    drafts = []  # composed first and checked together, so a clash stops before anything is written
    made = parallel_map(lambda n: _draft_or_error(*todo[n][:4]), len(todo), at_least=16)
    for (seed_rel, _, sha, entry, existing), done in zip(todo, made, strict=True):
        if isinstance(done, UserError):
            raise done
        slug = done.page.front["slug"]
        if slug in claimed:
            raise UserError(seed_rel, None, f"slug '{slug}' is also the slug of {claimed[slug]}; "
                                            f"set a 'slug' for one of them in {MANIFEST_NAME}")
        claimed[slug] = seed_rel
        taken = reports_dir / f"{slug}.md"
        if existing is None and taken.exists():
            raise UserError(seed_rel, None, f"slug '{slug}' is taken by {relative(taken, root)}, made from another source; "
                                            f"set a 'slug' for this seed in {MANIFEST_NAME}")
        for note in (*done.decoded.notes, *done.page.warnings):
            diagnostics.warn(seed_rel, None, note)
        lock.setdefault(seed_rel, {})["audit"] = {"sha256": sha, "lines": recorded(done.fates)}
        drafts.append((seed_rel, sha, _entry_hash(entry), existing[0] if existing else taken, done.page))
    _write_pages([(seed_rel, sha, entry_hash, target, dump_page(page.front, page.body))
                  for seed_rel, sha, entry_hash, target, page in drafts], lock, lock_path, root, diagnostics, result)
    for seed_rel in sorted(k for k in lock if not (root / k).exists()):
        _remove_page(seed_rel, lock.pop(seed_rel), root, diagnostics, result)
    _write_lock(lock_path, lock)
    return result


def _write_pages(pages: list[tuple], lock: dict, lock_path: Path, root: Path, diagnostics: Diagnostics,
                 result: IngestResult) -> None:
    """Write the pages, journaled: the record first knows what each page is about to become,
    so a run killed half-way leaves no page it wrote counted as edited by hand."""
    if pages:
        for seed_rel, _, _, target, text in pages:
            entry = lock.setdefault(seed_rel, {})
            entry["pending_sha256"] = sha256_hex(text.encode("utf-8"))
            if not target.exists():  # a page this run creates is its own from the start
                entry.setdefault("page", relative(target, root))
        _write_lock(lock_path, lock)
    for number, (seed_rel, sha, entry_hash, target, text) in enumerate(pages):
        if number == len(pages) // 2:
            checkpoint("normalizing")
        _write_page(target, text, seed_rel, sha, entry_hash, lock, root, diagnostics, result)
    for record in lock.values():
        record.pop("pending_sha256", None)


class Normalized(NamedTuple):
    decoded: Decoded  # the seed's text, and what decoding it noticed
    page: Draft  # the page composed from it and its manifest entry
    fates: tuple[LineFate, ...]  # what became of each of its lines (``audit.py``)


def _draft_or_error(seed_rel: str, data: bytes, sha: str, entry: SourceEntry | None) -> Normalized | UserError:
    """``draft``, its mistake returned rather than raised: seeds are normalized on every
    core, and the first mistake in the seeds' order is the one reported."""
    try:
        return draft(seed_rel, data, entry, sha)
    except UserError as error:
        return error


def draft(seed_rel: str, data: bytes, entry: SourceEntry | None, sha: str | None = None) -> Normalized:
    """A seed normalized: its text, its page, and what became of each of its lines."""
    from .cascade import compose  # imported when a seed is normalized: their patterns take a while to compile
    from .normalize import extract
    try:
        decoded = decode_seed(data)
    except NotText as error:
        raise UserError(seed_rel, None, f"cannot read this seed: {error}") from None
    extracted = extract(decoded.text)
    if not extracted.blocks:
        raise UserError(seed_rel, None, "no article text found in this seed (empty, or only page furniture)")
    return Normalized(decoded, compose(extracted, entry, seed_rel, sha or sha256_hex(data)), extracted.fates)


def _remove_page(seed_rel: str, record: dict, root: Path, diagnostics: Diagnostics, result: IngestResult) -> None:
    """A seed is gone: its page goes too, unless a person edited it (then the build says so,
    and the page's missing source stops it until the page is deleted or the seed is back)."""
    page = root / record.get("page", "")
    if not record.get("page") or not page.is_file():
        return
    if sha256_hex(page.read_bytes()) == record.get("page_sha256"):
        page.unlink()
        result.removed.append(record["page"])
    else:
        diagnostics.warn(record["page"], None, f"its seed {seed_rel} is gone, and the page was edited by hand, so it "
                                               "stays: delete it to remove the report, or put the seed back")


def _entry_hash(entry: SourceEntry | None) -> str:
    """What the manifest says about a seed, as a hash: a page follows a changed entry."""
    values = entry.values if entry else {}
    return sha256_hex(json.dumps(values, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _write_page(target: Path, text: str, seed_rel: str, sha: str, entry_hash: str, lock: dict, root: Path,
                diagnostics: Diagnostics, result: IngestResult) -> None:
    target_rel = relative(target, root)
    record = lock.get(seed_rel, {})
    if target.exists():
        current = target.read_bytes()
        # Untouched: as recorded, or as a run killed while writing was about to make it.
        untouched = record.get("page") == target_rel and sha256_hex(current) in (record.get("page_sha256"),
                                                                                   record.get("pending_sha256"))
        if not untouched:
            if _source_sha(current) != sha:
                result.conflicts.append(target_rel)
                diagnostics.warn(target_rel, None,
                                 f"edited by hand, and {seed_rel} has changed since; both left untouched. "
                                 f"Merge the change by hand and set source_sha256 to {sha}, or delete the page to regenerate it")
            else:
                result.kept_edited.append(target_rel)
                if record.get("manifest_sha256", entry_hash) != entry_hash:
                    diagnostics.warn(target_rel, None, f"edited by hand, so the change to {MANIFEST_NAME} for {seed_rel} "
                                                       "is not applied to it: apply it by hand, or delete the page to "
                                                       "regenerate it")
                lock[seed_rel] = {**record, "manifest_sha256": entry_hash}  # a change is said once
            return
    data = text.encode("utf-8")
    if target.exists() and current == data:  # already so (a killed run may have written it)
        result.unchanged.append(target_rel)
    else:
        write_atomic(target, data)
        result.written.append(target_rel)
    lock[seed_rel] = {**record, "page": target_rel, "page_sha256": sha256_hex(data), "source_sha256": sha,
                      "manifest_sha256": entry_hash}


def _source_sha(page_bytes: bytes) -> str | None:
    try:
        return parse_page(page_bytes.decode("utf-8"), "").front.get("source_sha256")
    except (UserError, UnicodeDecodeError):
        return None


def _pages_by_source(reports_dir: Path, root: Path, store: Store | None) -> dict[str, tuple[Path, str]]:
    """Existing report pages by the seed they came from (their ``source``), whatever their name."""
    found: dict[str, tuple[Path, str]] = {}
    for path in project_files(reports_dir, "*.md", root):
        report = load_report(path, root, store)
        found.setdefault(report.source, (path, report.source_sha256))
    return found


def _read_lock(path: Path, root: Path) -> dict:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise UserError(relative(path, root), None,
                        "unreadable; delete it (pages are then treated as edited by hand, never overwritten)") from None
    return data if isinstance(data, dict) else {}


def recorded_audits(content_dir: Path) -> dict[tuple[str, str], str]:
    """Each seed's audit as the record keeps it, by the seed's path and SHA-256; none from a
    record that cannot be read (the build that reads it says why)."""
    try:
        lock = json.loads((content_dir / "reports" / LOCK_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    found = {}
    for seed, entry in (lock.items() if isinstance(lock, dict) else ()):
        audit = entry.get("audit") if isinstance(entry, dict) else None
        if isinstance(audit, dict) and _audit_lines(entry, audit.get("sha256")) is not None:
            found[seed, audit["sha256"]] = audit["lines"]
    return found


def _audit_lines(entry: dict, sha: str) -> str | None:
    """The audit a record *entry* keeps for the seed bytes of SHA-256 *sha*, if it keeps one."""
    audit = entry.get("audit")
    if isinstance(audit, dict) and audit.get("sha256") == sha and isinstance(audit.get("lines"), str):
        return audit["lines"]
    return None


def _write_lock(path: Path, lock: dict) -> None:
    write_atomic(path, (json.dumps(lock, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))

