#!/usr/bin/env python3
"""Entry point: ``.venv/bin/python build.py [command]`` (``--help`` lists the commands).

Run by an interpreter that lacks the project's packages (``python build.py`` outside the
virtual environment), it hands over to ``.venv/bin/python`` when set-up made one, and
otherwise says how to set up, instead of failing later with a traceback.
"""
import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Import names of the packages pyproject.toml asks for (imported later, by the commands that use them).
NEEDED = ("jinja2", "markdown_it", "mdit_py_plugins", "bs4", "yaml", "watchdog", "PIL", "pagefind", "pagefind_bin")


def missing_packages() -> list[str]:
    return [name for name in NEEDED if importlib.util.find_spec(name) is None]


if __name__ == "__main__":
    missing = missing_packages()
    if missing:
        venv = HERE / ".venv" / "bin" / "python"
        if venv.is_file() and Path(sys.prefix).resolve() != (HERE / ".venv").resolve():
            os.execv(venv, [str(venv), str(Path(__file__).resolve()), *sys.argv[1:]])
        print(f"build.py: this Python ({sys.executable}) lacks the project's packages ({', '.join(missing)}). "
              "Set up once: python3 -m venv .venv && .venv/bin/pip install -e . ; "
              "then run: .venv/bin/python build.py", file=sys.stderr)
        sys.exit(1)
    from microsite.cli import main
    sys.exit(main(root=HERE))
