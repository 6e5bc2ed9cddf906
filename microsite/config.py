"""The site's configuration: ``[tool.microsite]`` in ``pyproject.toml``, validated up front."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError, line_of

DEFAULTS = {
    "title": "Research microsite",
    "description": "",
    "language": "ko",
    "base_url": "/",
    "seeds": "seeds",
    "content": "content",
    "templates": "templates",
    "assets": "assets",
    "output": "site",
}


@dataclass(frozen=True)
class Config:
    root: Path
    title: str
    description: str
    language: str
    base_url: str
    seeds: Path
    content: Path
    templates: Path
    assets: Path
    output: Path

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, e.g. ``/`` or ``/repo/``."""
        return re.sub(r"^[a-z]+://[^/]+", "", self.base_url) or "/"


def check_base_url(value: str, path: Path | str | None = None, line: int | None = None) -> str:
    """Accept ``/``, ``/sub/path/`` or ``https://host/sub/``; always ending in ``/``."""
    if not isinstance(value, str) or not value:
        raise UserError(path, line, "base_url must be a non-empty string such as '/' or 'https://user.github.io/repo/'")
    if re.match(r"^https?://[^/\s\"'<>`]+(/[^\s?#\"'<>`]*)?$", value) is None and re.match(r"^/[^\s?#\"'<>`]*$", value) is None:
        raise UserError(path, line, f"base_url {value!r} must start with '/' or 'http(s)://host'")
    if "/../" in value + "/" or "/./" in value + "/":
        raise UserError(path, line, f"base_url {value!r} must not contain '.' or '..' segments")
    if re.match(r"^https?://[^/]+$", value):
        value += "/"
    return value if value.endswith("/") else value + "/"


def parse_toml(text: str, path) -> dict:
    """TOML, or a ``path:line`` error saying where it stops making sense."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"at line (\d+)", str(error))
        raise UserError(path, int(match.group(1)) if match else None, f"invalid TOML: {error}") from None


def load_config(root: Path, base_url: str | None = None) -> Config:
    """Read and validate the configuration; *base_url* (from the CLI) overrides the file."""
    pyproject = root / "pyproject.toml"
    try:
        text = pyproject.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(pyproject, None, "missing: the project's configuration lives here") from None
    data = parse_toml(text, pyproject)
    section = data.get("tool", {}).get("microsite", {})
    section_line = line_of(text, r"^\s*\[tool\.microsite\]")
    values = dict(DEFAULTS)
    for key, value in section.items():
        key_line = _key_line(text, key, section_line)
        if key not in DEFAULTS:
            known = ", ".join(sorted(DEFAULTS))
            raise UserError(pyproject, key_line, f"unknown key '{key}' in [tool.microsite] (known: {known})")
        if not isinstance(value, str):
            raise UserError(pyproject, key_line, f"'{key}' must be a string")
        values[key] = value
    url_line = _key_line(text, "base_url", section_line)
    values["base_url"] = check_base_url(values["base_url"], pyproject, url_line)
    if base_url is not None:
        values["base_url"] = check_base_url(base_url, "--base-url")
    paths = {key: (root / values[key]).resolve() for key in ("seeds", "content", "templates", "assets", "output")}
    for key, value in paths.items():
        if not value.is_relative_to(root.resolve()) or value == root.resolve():
            raise UserError(pyproject, _key_line(text, key, section_line), f"'{key}' must be a folder inside the project")
    output = paths["output"]
    for key in ("seeds", "content", "templates", "assets"):
        if output.is_relative_to(paths[key]) or paths[key].is_relative_to(output):
            raise UserError(pyproject, _key_line(text, "output", section_line),
                            f"'output' must be a folder of its own, apart from '{key}' (the build replaces it whole)")
    return Config(root=root.resolve(), title=values["title"], description=values["description"],
                  language=values["language"], base_url=values["base_url"], **paths)



def _key_line(text: str, key: str, after: int | None) -> int | None:
    return line_of(text, rf"^\s*({re.escape(key)}\s*=|\[tool\.microsite\.{re.escape(key)}\])", after)
