"""The author's Jinja2 templates: compiled once, rendered with the values a view prepared
(templates stay dumb), and every mistake in them reported at its file and line."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import jinja2
from jinja2 import meta

from ..errors import UserError
from ..files import inside_project


class _ProjectLoader(jinja2.FileSystemLoader):
    """Templates from the project's folder, where a link out of the project is refused."""

    def __init__(self, folder: Path, root: Path):
        super().__init__(str(folder))
        self.root = root

    def get_source(self, environment, template):
        try:
            source, filename, uptodate = super().get_source(environment, template)
        except jinja2.TemplateNotFound:
            link = Path(self.searchpath[0], template)
            if link.is_symlink():
                inside_project(link, self.root)  # a link to nothing: named as such
            raise
        except UnicodeDecodeError as error:
            raise UserError(Path(self.searchpath[0], template), None,
                            f"not UTF-8 text ({error.reason} at byte {error.start})") from None
        inside_project(Path(filename), self.root)
        return source, filename, uptodate


class Templates:
    def __init__(self, folder: Path, root: Path):
        self.folder = folder
        self.env = jinja2.Environment(loader=_ProjectLoader(folder, root), autoescape=True,
                                      undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=False)
        self._digests: dict[str, str] = {}

    def render(self, name: str, **values) -> str:
        try:
            return self.env.get_template(name).render(**values)
        except jinja2.TemplateSyntaxError as error:
            raise UserError(error.filename or name, error.lineno, f"template syntax error: {error.message}") from None
        except jinja2.TemplateNotFound as error:
            where, line = self._frame(name)  # the template that asked for it
            raise UserError(where, line, f"template '{error.name}' not found in {self.folder.name}/") from None
        except (jinja2.UndefinedError, TypeError) as error:
            where, line = self._frame(name)
            raise UserError(where, line, f"template error: {error}") from None

    def forget_digests(self) -> None:
        """Templates may have changed since the last run (Jinja recompiles those it sees changed)."""
        self._digests = {}

    def digest(self, name: str) -> str:
        """A hash of the template and every template it extends or includes: a page made
        from it changes only when this does (or its values do)."""
        if name not in self._digests:
            hasher, seen, todo = hashlib.sha256(), set(), [name]
            while todo:
                current = todo.pop()
                if current in seen:
                    continue
                seen.add(current)
                try:
                    source = self.env.loader.get_source(self.env, current)[0]
                    todo += [found for found in meta.find_referenced_templates(self.env.parse(source)) if found]
                except (jinja2.TemplateNotFound, jinja2.TemplateSyntaxError):
                    source = ""  # rendering reports it with its line
                hasher.update(current.encode() + b"\0" + source.encode() + b"\0")
            self._digests[name] = hasher.hexdigest()[:32]
        return self._digests[name]

    def _frame(self, fallback: str) -> tuple[str, int | None]:
        """The template file and line a runtime template error happened at (Jinja puts
        template frames into the traceback)."""
        tb = sys.exc_info()[2]
        found: tuple[str, int | None] = (str(self.folder / fallback), None)
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename.endswith(".html"):
                found = (filename, tb.tb_lineno)
            tb = tb.tb_next
        return found
