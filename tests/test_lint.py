"""The code is linted like it is tested: Python with ruff (its settings in pyproject.toml),
the JavaScript — the site's scripts, the service worker, the live-reload client — with
ESLint (eslint.config.mjs), both brought by the README's set-up."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

JAVASCRIPT = ["assets", "microsite/serve/client.js", "microsite/output/worker.js"]


def test_python_passes_ruff() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run([str(ruff) if ruff.exists() else shutil.which("ruff") or "ruff", "check", "."], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_javascript_passes_eslint() -> None:
    eslint = ROOT / "node_modules" / ".bin" / "eslint"
    assert eslint.exists(), "ESLint is missing: run 'npm ci' in the project"
    result = subprocess.run([str(eslint), *JAVASCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_javascript_file_is_linted() -> None:
    found = {path.relative_to(ROOT).as_posix() for folder in ("assets", "microsite") for path in (ROOT / folder).rglob("*.js")}
    covered = {name for name in found if any(name == entry or name.startswith(entry + "/") for entry in JAVASCRIPT)}
    assert found == covered
