"""Writing files: whole or not at all (sources, caches, the live site), and fast in bulk
(a build's thousands of pages)."""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write *path* so that readers see the old bytes or the new ones, never a part. The
    temporary name carries the process id: build workers may write the same cache file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def write_file(target: Path, data: bytes | Iterable[bytes], made: set[Path]) -> None:
    """Write *target* (from bytes, or pieces of them), creating its folder unless *made*
    says it exists (thousands of pages share a few folders, and each check is a system call)."""
    if target.parent not in made:
        target.parent.mkdir(parents=True, exist_ok=True)
        made.add(target.parent)
    with open(target, "wb") as out:
        if isinstance(data, bytes):
            out.write(data)
        else:
            out.writelines(data)
