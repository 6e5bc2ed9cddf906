"""What a build can reuse from the last one, kept under ``.cache/``: parsed report pages
(by file size and time), report text models and rendered bodies (by a hash of what they
are made from). A store is one pickle file, written whole; it belongs to one version of
this package's code, and a store written by other code is ignored (so a change to the
normalizer or the renderer is never served stale)."""
from __future__ import annotations

import functools
import hashlib
import pickle
from pathlib import Path

from .files import write_atomic


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of this package's source: what every cached value was computed by."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".js") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def digest(*parts) -> str:
    """A short stable hash of strings (and of anything whose repr is stable)."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update((part if isinstance(part, str) else repr(part)).encode("utf-8", "surrogatepass") + b"\0")
    return hasher.hexdigest()[:32]


class Store:
    """A dictionary kept in memory, loaded from and saved to files at *path* (None: memory
    only), in *shards* by key so that a run that changes a few entries rewrites a few
    files. Entries not asked for in a run are dropped when it saves, so the store follows
    the archive instead of growing with every edit."""

    def __init__(self, path: Path | None, shards: int = 16):
        self.path, self.shards = path, shards
        self.entries: dict = {}
        self.used: set = set()
        self.dirty: set[int] = set()  # shards changed since the last save
        for shard in range(shards if path is not None else 0):
            try:
                version, entries = pickle.loads(self._file(shard).read_bytes())
            except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError, AttributeError, ImportError):
                continue
            if version == code_version():
                self.entries.update(entries)

    def _file(self, shard: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{shard}")

    def _shard(self, key) -> int:
        return int(hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).hexdigest()[:8], 16) % self.shards

    def get(self, key):
        self.used.add(key)
        return self.entries.get(key)

    def put(self, key, value) -> None:
        self.used.add(key)
        self.entries[key] = value
        self.dirty.add(self._shard(key))

    def save(self) -> None:
        """Write what this run used (and forget the rest), shard by shard, where anything changed."""
        for key in set(self.entries) - self.used:
            del self.entries[key]
            self.dirty.add(self._shard(key))
        if self.path is not None:
            for shard in sorted(self.dirty):
                entries = {key: value for key, value in self.entries.items() if self._shard(key) == shard}
                write_atomic(self._file(shard), pickle.dumps((code_version(), entries), protocol=pickle.HIGHEST_PROTOCOL))
        self.dirty, self.used = set(), set()
