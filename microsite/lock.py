"""One command at a time on a project: ``build``, ``normalize`` and ``serve`` hold a lock
(``.cache/lock``, released by the system however the command ends). A second command
waits for a build or normalize to end, and says so; while the live preview runs, which
keeps ``site/`` up to date itself, it stops with a message. Holding the lock, a command
also clears what a crashed one left: half-built sites, search sources, temporary files."""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sys

from .content import Config
from .errors import UserError

DEBRIS = (".site-build-*", ".site-old-*", ".search-source-*")


@contextlib.contextmanager
def project_lock(config: Config, command: str):
    path = config.root / ".cache" / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(handle)
            if holder.get("command") == "serve":
                raise UserError(None, None, f"the live preview (build.py serve, process {holder.get('pid')}) is running on "
                                            "this project and keeps site/ up to date; stop it first") from None
            print(f"waiting for another command on this project (build.py {holder.get('command', '?')}, process "
                  f"{holder.get('pid', '?')}) to end…", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), "command": command}))
        handle.flush()
        clear_debris(config)
        yield


def _holder(handle) -> dict:
    handle.seek(0)
    try:
        return json.loads(handle.read() or "{}")
    except ValueError:
        return {}


def clear_debris(config: Config) -> None:
    """What a command killed mid-way left behind (no command runs now: the lock is ours)."""
    for folder in {config.output.parent, config.root}:
        for pattern in DEBRIS:
            for path in folder.glob(pattern):
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
    for folder in (config.content / "reports", config.root / ".cache", config.output):
        if folder.is_dir():
            for path in folder.glob(".*.tmp"):
                path.unlink(missing_ok=True)
    shutil.rmtree(config.root / ".cache" / "pagefind-build", ignore_errors=True)
