"""What the last run left in ``site/``, kept in ``.cache/last-build.json``: the key of every
file it holds (so the next run writes only what changed), what the search bundle was
built from, and — when a whole build made it — the fingerprint of everything that build
read, its warnings and its summary (so an unchanged project is not built again).

The record describes ``site/`` only while it exists: every writer drops it before it
changes ``site/`` and writes it after, so no crash can leave a record that claims a site
it did not make."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from ..content import Config
from ..files import write_atomic


def record_path(config: Config) -> Path:
    return config.root / ".cache" / "last-build.json"


def read_record(config: Config) -> dict:
    try:
        record = json.loads(record_path(config).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) and isinstance(record.get("keys", {}), dict) else {}


def drop_record(config: Config) -> None:
    record_path(config).unlink(missing_ok=True)


def write_record(config: Config, record: dict) -> None:
    write_atomic(record_path(config), json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))


def fingerprint(config: Config, search: bool, known: dict[str, list]) -> tuple[str, dict[str, list]]:
    """Everything a build reads — configuration, sources, templates, assets, and this
    package's own code — as one hash: equal fingerprints mean an identical site. A file
    whose size and modification time (to the nanosecond) are those *known* from the last
    build is not read again. Returns the fingerprint and, per file, [size, mtime, hash]."""
    settings = {key: str(value.relative_to(config.root)) if isinstance(value, Path) else value
                for key, value in vars(config).items() if key != "root"}
    digest = hashlib.sha256(json.dumps([settings, search], sort_keys=True).encode())
    package = Path(__file__).resolve().parent.parent
    folders = (config.seeds, config.content, config.templates, config.assets, package)
    hashes: dict[str, list] = {}
    for path in [config.root / "pyproject.toml"] + sorted(p for folder in folders if folder.is_dir()
                                                            for p in folder.rglob("*")):
        if "__pycache__" in path.parts:
            continue
        # Named as the project knows them, so that two clones of one project agree.
        where = path.relative_to(config.root) if path.is_relative_to(config.root) else path.relative_to(package.parent)
        if path.is_symlink():  # where a link points decides what the build reads, or refuses
            digest.update(where.as_posix().encode() + b"\0->" + os.readlink(path).encode() + b"\0")
        if not path.is_file():  # a folder: its name alone (a folder named like a page is refused)
            digest.update(where.as_posix().encode() + b"/\0")
            continue
        stat, name = path.stat(), str(path)
        seen = known.get(name)
        if seen and seen[:2] == [stat.st_size, stat.st_mtime_ns]:
            content_hash = seen[2]
        else:
            content_hash = hashlib.sha256(path.read_bytes()).hexdigest()
        hashes[name] = [stat.st_size, stat.st_mtime_ns, content_hash]
        digest.update(where.as_posix().encode() + b"\0" + content_hash.encode())
    return digest.hexdigest(), hashes


def project_hashes(config: Config, hashes: dict[str, list]) -> dict[str, str]:
    """The content hash of each project file, by its path in the project (from ``fingerprint``)."""
    root = str(config.root) + "/"
    return {name[len(root):]: entry[2] for name, entry in hashes.items() if name.startswith(root)}
