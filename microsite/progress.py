"""Build progress for long builds: a bar on a terminal, one line per finished step
elsewhere (CI logs). Quiet until the build has run for *delay* seconds, so the everyday
five-report build prints only its summary; the steps done before then are logged late
rather than lost."""
from __future__ import annotations

import sys
import time

WIDTH = 28


class Progress:
    def __init__(self, stream=None, *, delay: float = 2.0, terminal: bool | None = None, clock=time.monotonic):
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.done: list[str] = []  # finished steps not yet printed
        self.step = ""
        self.total = 0
        self.step_started = self.started
        self.drawn = 0.0  # when the bar was last drawn

    def begin(self, step: str, total: int = 0) -> None:
        """A new step of *total* items (0: no count)."""
        self.end()
        self.step, self.total, self.step_started = step, total, self.clock()
        self.update(0)

    def update(self, count: int) -> None:
        now = self.clock()
        if not self.terminal or now - self.started < self.delay or now - self.drawn < 0.1:
            return
        self.drawn = now
        share = count / self.total if self.total else 0
        bar = "#" * round(share * WIDTH) + "." * (WIDTH - round(share * WIDTH))
        counted = f" {count}/{self.total}" if self.total else ""
        self.stream.write(f"\r\x1b[K{self.step} [{bar}]{counted} {now - self.started:.0f} s")
        self.stream.flush()

    def end(self) -> None:
        """Close the current step: its line is printed (or kept until the delay has passed)."""
        if not self.step:
            return
        seconds = self.clock() - self.step_started
        self.done.append(f"{self.step}: {self.total} in {seconds:.1f} s" if self.total else f"{self.step}: {seconds:.1f} s")
        self.step = ""
        if self.terminal and self.drawn:
            self.stream.write("\r\x1b[K")
        if self.clock() - self.started >= self.delay:
            for line in self.done:
                self.stream.write(line + "\n")
            self.done = []
        self.stream.flush()
