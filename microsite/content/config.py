"""The site's configuration: ``[tool.microsite]`` in ``pyproject.toml``, validated up front."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from .schema import Field, TomlLines, language_code, parse_toml, read_text, validate

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


FIELDS = {**{key: Field() for key in DEFAULTS}, "language": Field(check=language_code)}


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


def load_config(root: Path, base_url: str | None = None) -> Config:
    """Read and validate the configuration; *base_url* (from the CLI) overrides the file."""
    pyproject = root / "pyproject.toml"
    if not pyproject.is_file():
        raise UserError(pyproject, None, "missing: the project's configuration lives here")
    text = read_text(pyproject, pyproject)
    lines = TomlLines(text)
    section = parse_toml(text, pyproject).get("tool", {}).get("microsite", {})
    where = lines.finder("tool", "microsite")
    validate(section, FIELDS, path=pyproject, line=where, where="[tool.microsite]")
    values = {**DEFAULTS, **section}
    values["base_url"] = check_base_url(values["base_url"], pyproject, where("base_url"))
    if base_url is not None:
        values["base_url"] = check_base_url(base_url, "--base-url")
    paths = {key: (root / values[key]).resolve() for key in ("seeds", "content", "templates", "assets", "output")}
    for key, value in paths.items():
        if not value.is_relative_to(root.resolve()) or value == root.resolve():
            raise UserError(pyproject, where(key), f"'{key}' must be a folder inside the project")
    output = paths["output"]
    for key in ("seeds", "content", "templates", "assets"):
        if output.is_relative_to(paths[key]) or paths[key].is_relative_to(output):
            raise UserError(pyproject, where("output"),
                            f"'output' must be a folder of its own, apart from '{key}' (the build replaces it whole)")
    return Config(root=root.resolve(), title=values["title"], description=values["description"],
                  language=values["language"], base_url=values["base_url"], **paths)
