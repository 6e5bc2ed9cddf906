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
    """A dictionary kept in memory, loaded from and saved to *path* (None: memory only).
    Entries not asked for in a run are dropped when it saves, so the store follows the
    archive instead of growing with every edit."""

    def __init__(self, path: Path | None):
        self.path = path
        self.entries: dict = {}
        self.used: set = set()
        self.changed = False
        if path is not None:
            try:
                version, entries = pickle.loads(path.read_bytes())
                if version == code_version():
                    self.entries = entries
            except (OSError, ValueError, EOFError, pickle.UnpicklingError, TypeError, AttributeError, ImportError):
                pass

    def get(self, key):
        self.used.add(key)
        return self.entries.get(key)

    def put(self, key, value) -> None:
        self.used.add(key)
        self.entries[key] = value
        self.changed = True

    def save(self) -> None:
        """Write what this run used (and forget the rest), if anything changed."""
        if self.changed or set(self.entries) - self.used:
            self.entries = {key: value for key, value in self.entries.items() if key in self.used}
            if self.path is not None:
                write_atomic(self.path, pickle.dumps((code_version(), self.entries), protocol=pickle.HIGHEST_PROTOCOL))
            self.changed = False
        self.used = set()
