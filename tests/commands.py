"""Running the project's commands as a person types them, for the front-door and
fault-injection tests: a throwaway copy of the project holding what a fresh clone holds
(the files git knows), with links to this checkout's ``.venv`` and ``node_modules``
standing for the README's set-up."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

PYTHON = ".venv/bin/python"  # as the README writes it
# A report of the five, its address, and the words its text ends with: what tests edit.
REPORT = "content/reports/dt-2024-08-overseas-cloud-h100.md"
REPORT_URL = "reports/dt-2024-08-overseas-cloud-h100/"
LAST_SENTENCE = "사들이고 있다."


def clone(target: Path, *, venv: bool = True) -> Path:
    """What a fresh clone of this project holds, in *target*; with *venv*, the set-up done."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    if venv:
        if sys.prefix == sys.base_prefix:
            pytest.fail("run the tests from the project's virtual environment (.venv/bin/python -m pytest)")
        (target / ".venv").symlink_to(sys.prefix)
        if (ROOT / "node_modules").is_dir():
            (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def run(project: Path, *args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """``.venv/bin/python build.py *args`` in *project*."""
    return subprocess.run([PYTHON, "build.py", *args], cwd=project, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def shell(project: Path, command: str, timeout: float = 900) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True, timeout=timeout)


def no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output, output[-3000:]


def tree(folder: Path) -> dict[str, str]:
    """Every file under *folder* with a hash of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


class Preview:
    """``python build.py serve --port 0`` as a subprocess; its address read from its output."""

    def __init__(self, project: Path):
        self.log = (project.parent / "serve.log").open("w", encoding="utf-8")
        self.process = subprocess.Popen([PYTHON, "build.py", "serve", "--port", "0"], cwd=project, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True,
                                        env={**os.environ, "PYTHONFAULTHANDLER": "1"})
        deadline = time.monotonic() + 300
        while not (found := re.search(r"serving (http://\S+)", self.output())):
            assert self.process.poll() is None, f"serve exited: {self.output()}"
            assert time.monotonic() < deadline, f"serve did not start: {self.output()}"
            time.sleep(0.1)
        self.url = found.group(1)

    def output(self) -> str:
        return Path(self.log.name).read_text(encoding="utf-8", errors="replace")

    def status(self, path: str) -> int:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # Ctrl-C
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:  # hung: have it print where each thread stands, then kill it
                self.process.send_signal(signal.SIGABRT)
                try:
                    self.process.wait(10)
                except subprocess.TimeoutExpired:
                    pass
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()
        return self.process.returncode


def paused(project: Path, phase: str, *args: str) -> subprocess.Popen:
    """``build.py *args`` stopped at *phase* (see microsite/checkpoints.py), once it got there."""
    process = subprocess.Popen([PYTHON, "build.py", *args], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env={**os.environ, "MICROSITE_PAUSE_AT": phase}, start_new_session=True)
    said = ""
    while f"paused at {phase}" not in said:
        line = process.stderr.readline()
        assert line or process.poll() is None, f"the build ended before {phase}: {said}"
        said += line
    return process


def built_clone(target: Path, *args: str) -> Path:
    """A clone in *target*, built once with ``build.py *args``."""
    project = clone(target)
    result = run(project, *args)
    assert result.returncode == 0, result.stderr
    return project
