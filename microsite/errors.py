"""One error type for user mistakes, and the collector for warnings.

Every problem a user can fix is reported as ``path:line: message`` so editors and
terminals can jump to it; the CLI prints it and exits non-zero, never a traceback.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path


def relative(path: Path | str, root: Path | None) -> str:
    """*path* as the user knows it: relative to the project when it lies inside it."""
    if root is not None and Path(path).is_absolute():
        text, prefix = str(path), str(root).rstrip("/") + "/"
        if text.startswith(prefix):  # the common case, without asking the file system
            return Path(text[len(prefix):]).as_posix()
        try:
            return Path(path).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def _location(path: Path | str | None, line: int | None, root: Path | None = None) -> str:
    if path is None:
        return ""
    where = relative(path, root)
    return f"{where}:{line}" if line else where


class UserError(Exception):
    """A mistake in the user's input (seed, content, template, config)."""

    def __init__(self, path: Path | str | None, line: int | None, message: str):
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return self.show()

    def __reduce__(self):  # crosses from a build worker to the parent intact
        return UserError, (self.path, self.line, self.message)

    def show(self, root: Path | None = None) -> str:
        where = _location(self.path, self.line, root)
        return f"{where}: {self.message}" if where else self.message


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index."""


@dataclass
class Diagnostics:
    """Warnings gathered during a run; printed once, in order, as ``path:line: warning: …``."""

    root: Path | None = None
    warnings: list[str] = field(default_factory=list)
    stream: object = None

    def warn(self, path: Path | str | None, line: int | None, message: str) -> None:
        where = _location(path, line, self.root)
        text = f"{where}: warning: {message}" if where else f"warning: {message}"
        self.warnings.append(text)
        print(text, file=self.stream or sys.stderr)
