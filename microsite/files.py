"""Writing files: whole or not at all (sources, caches, the live site), and fast in bulk
(a build's thousands of pages)."""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import UserError, relative


def project_files(folder: Path, pattern: str, root: Path) -> list[Path]:
    """The files in *folder* matching *pattern* ("**/*" for every depth), sorted, without
    hidden names at any depth (editors' lock and swap files, .DS_Store), each link checked
    by ``inside_project``, and *folder* too when it is a link (the configuration resolved its
    parent)."""
    if folder.is_symlink():
        inside_project(folder, root)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob(pattern)):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_symlink():  # anything else under the folder lies in it
            inside_project(path, root)
        if path.is_file():
            found.append(path)
        elif not pattern.endswith("*"):  # "*.md" names files
            raise UserError(relative(path, root), None, "a folder where a file was expected")
    return found


def inside_project(path: Path, root: Path) -> None:
    """Refuse a link to nothing, or to a file outside the project (*root*, resolved): it
    would be copied into content or published from wherever it points, and a clone would
    not have it."""
    try:
        target = path.resolve(strict=True)
    except (FileNotFoundError, RuntimeError):  # RuntimeError: a loop of links
        shown = os.readlink(path) if path.is_symlink() else "through a linked folder"
        raise UserError(relative(path, root), None, f"a link to nothing ({shown})") from None
    if not target.is_relative_to(root):
        raise UserError(relative(path, root), None, f"a link to {target}, outside the project: "
                        "copy the file into the project instead")
    if target.is_dir() and path.is_symlink():
        raise UserError(relative(path, root), None, "a link to a folder, whose files are not read: "
                        "move them here, or link each file")


def write_atomic(path: Path, data: bytes) -> None:
    """Write *path* so that readers see the old bytes or the new ones, never a part. The
    temporary name carries the process id: build workers may write the same cache file."""
    write_file(path, data, set(), replace=True)


def write_file(target: Path, data: bytes | Iterable[bytes], made: set[Path], *, replace: bool = False) -> None:
    """Write *target* (from bytes, or pieces of them), creating its folder unless *made*
    says it exists (thousands of pages share a few folders, and each check is a system
    call). With *replace*, the bytes go to a new file renamed over the old one: readers of
    a live site see whole files, and a file linked into another folder stays as it was."""
    if target.parent not in made:
        target.parent.mkdir(parents=True, exist_ok=True)
        made.add(target.parent)
    written = target.with_name(f".{target.name}.{os.getpid()}.tmp") if replace else target
    with open(written, "wb") as out:
        if isinstance(data, bytes):
            out.write(data)
        else:
            out.writelines(data)
    if replace:
        os.replace(written, target)


def replace_folder(new: Path, current: Path, keep_old_at: Path | None = None) -> bool:
    """Put the folder *new* at *current* so that readers always find a whole folder there,
    the old or the new one: the two are exchanged in one step where the system can
    (Linux), with two renames elsewhere. The old folder is moved to *keep_old_at*, or
    beside *new* (out of what is served) and deleted in the background: removing thousands
    of files is slow, and nothing waits for it. True when there was an old folder."""
    new.chmod(0o755)  # mkdtemp makes it private; a site is for reading
    if not current.exists():
        new.rename(current)
        return False
    old = Path(tempfile.mkdtemp(prefix=f".{current.name}-old-", dir=new.parent))
    old.rmdir()
    if _exchange(new, current):
        new.rename(old)  # the old folder, under a name that says so
    else:
        current.rename(old)
        new.rename(current)
    if keep_old_at is not None:
        keep_old_at.parent.mkdir(parents=True, exist_ok=True)
        if keep_old_at.exists():
            aside = keep_old_at.with_name(old.name)
            keep_old_at.rename(aside)
            remove_later(aside)
        try:
            old.rename(keep_old_at)
            return True
        except OSError:  # on another file system: not worth a copy
            pass
    remove_later(old)
    return True


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False
    where the system or its file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(number, os.strerror(number), str(a), None, str(b))


def remove_later(folder: Path) -> None:
    try:
        subprocess.Popen(["rm", "-rf", "--", str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:  # no rm (Windows): remove it now
        shutil.rmtree(folder, ignore_errors=True)
