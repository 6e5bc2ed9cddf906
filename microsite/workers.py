"""Spread a build's CPU-bound work (report bodies, pages) over the machine's cores.

Workers are forked, so they start in a few milliseconds with everything the parent has
prepared (the renderer, its templates, the corpus) already in memory; nothing but the
index of each item and the small results cross between processes. Forking is only safe
in a process with a single thread: the live server (which has several) and machines
without ``fork`` run the same work in-process.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_job: Callable[[int], object] | None = None  # what the forked workers run, inherited from the parent


def parallel_map(job: Callable[[int], T], count: int, *, at_least: int = 64,
                 progress: Callable[[int], None] | None = None) -> list[T]:
    """``[job(i) for i in range(count)]``, in forked workers when there are at least
    *at_least* items per worker to share. *progress* is told how many are done, as they finish."""
    workers = min(os.cpu_count() or 1, count // max(at_least, 1))
    if workers < 2 or not _fork_is_safe():
        results = []
        for index in range(count):
            results.append(job(index))
            if progress and (index + 1) % 50 == 0:
                progress(index + 1)
        return results
    global _job
    _job = job
    step = max(1, count // (workers * 8))  # small slices even out the workers' loads
    slices = [(start, min(start + step, count)) for start in range(0, count, step)]
    results: list[T] = []
    try:
        # Workers are forked with Ctrl-C and SIGTERM held back until they have dropped the
        # command's handlers (see ``_die_with_parent``).
        held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
        try:
            pool = multiprocessing.get_context("fork").Pool(workers, initializer=_die_with_parent)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        with pool:
            for part in pool.imap(_run_slice, slices):
                results.extend(part)
                if progress:
                    progress(len(results))
    finally:
        _job = None
    return results


def _die_with_parent() -> None:
    """A worker ends when the build does, however it ends (killed, interrupted): on Linux
    the kernel sends it SIGKILL when its parent dies; elsewhere the pool's own ending.
    It ends quietly: the pool stops idle workers with SIGTERM, and the handler inherited
    from the command (which reports an interruption) printed a traceback in the middle of
    the build's output, or hung the pool when it came before this ran. So workers start
    with both signals held back, and take them only once the handlers are dropped. Ctrl-C
    is the parent's to handle."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (AttributeError, OSError):
        pass
    if os.getppid() == 1:  # the parent died before the request took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1
_STOPS = {signal.SIGINT, signal.SIGTERM}


def _run_slice(bounds: tuple[int, int]) -> list:
    return [_job(index) for index in range(*bounds)]


def _fork_is_safe() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
