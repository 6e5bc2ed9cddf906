"""Check a built site: every internal ``href``/``src`` resolves to a file, every
``#anchor`` exists, every page is reachable from the home page. External links are
listed, never fetched."""
from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


@dataclass
class CheckReport:
    pages: int = 0
    links: int = 0
    anchors: int = 0
    external: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def check_site(site: Path, base_url: str = "/") -> CheckReport:
    """Links to ``base_url`` itself (canonical addresses, feeds) count as internal."""
    report = CheckReport()
    pages = {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html")) if "pagefind" not in p.parts}
    soups = {name: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for name, path in pages.items()}
    ids = {name: {tag["id"] for tag in soup.find_all(id=True)} for name, soup in soups.items()}
    links: dict[str, set[str]] = {}
    for name, soup in soups.items():
        links[name] = set()
        for tag in soup.find_all(["a", "link", "script", "img", "source", "iframe"]):
            for attribute in ("href", "src", "srcset"):
                for value in _urls(tag.get(attribute), attribute):
                    report.links += 1
                    target = _resolve(name, value, site, pages, ids, report, base_url)
                    if target:
                        links[name].add(target)
    report.pages = len(pages)
    reachable, queue = {"index.html"}, ["index.html"]
    while queue:
        for target in links.get(queue.pop(), ()):
            if target in pages and target not in reachable:
                reachable.add(target)
                queue.append(target)
    for name in sorted(set(pages) - reachable - {"404.html"}):
        report.problems.append(f"{name}: not reachable from the home page")
    return report


def _urls(value, attribute: str) -> list[str]:
    if not value:
        return []
    if attribute == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return [value]


def _resolve(page: str, url: str, site: Path, pages: dict, ids: dict, report: CheckReport, base_url: str) -> str | None:
    base_path = urlsplit(base_url).path or "/"
    if base_url.startswith("http") and url.startswith(base_url):
        url = base_path + url[len(base_url):]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        if parts.scheme in ("http", "https"):
            report.external.add(url)
        return None
    if not parts.path:  # "#anchor" on the same page
        target = page
    elif parts.path.startswith("/"):  # site-absolute, as on the 404 page: under the base path
        if not parts.path.startswith(base_path):
            report.problems.append(f"{page}: broken link → {url} (outside the base path {base_path})")
            return None
        target = posixpath.normpath(unquote(parts.path[len(base_path):]) or ".")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if target.startswith("../") or target == "..":
            report.problems.append(f"{page}: broken link → {url} (leaves the site)")
            return None
        if parts.path.endswith("/") or (site / target).is_dir():
            target = posixpath.join(target, "index.html") if target != "." else "index.html"
        if not (site / target).is_file():
            report.problems.append(f"{page}: broken link → {url}")
            return None
    if parts.fragment:
        report.anchors += 1
        if target in pages and parts.fragment not in ids.get(target, set()):
            report.problems.append(f"{page}: broken link → {url} (no #{parts.fragment} there)")
    return target


class ValidatorMissing(RuntimeError):
    """The Nu Html Checker (vnu.jar) or Java is not installed."""


def find_validator(root: Path) -> list[str]:
    """The command that runs the Nu Html Checker: ``$VNU_JAR`` or the npm package's jar."""
    jar = Path(os.environ.get("VNU_JAR") or root / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
    java = shutil.which("java")
    if not jar.is_file() or java is None:
        raise ValidatorMissing("the Nu Html Checker needs Java 17 and vnu.jar: run 'npm ci' in the project "
                               "(or set VNU_JAR), or pass --no-html to skip HTML validation")
    return [java, "-jar", str(jar)]


def validate_html(site: Path, root: Path, pages: list[Path] | None = None) -> list[str]:
    """Every error the Nu Html Checker finds in the site's pages (or in *pages* of it only),
    as ``page:line: message``."""
    if pages is None:
        pages = [p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts]
    pages = sorted(str(p) for p in pages)
    if not pages:
        return []
    result = subprocess.run([*find_validator(root), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = []
    for message in messages:
        if message.get("type") != "error":
            continue
        page = Path(urlsplit(message.get("url", "")).path)
        where = page.relative_to(site.resolve()).as_posix() if page.is_relative_to(site.resolve()) else str(page)
        errors.append(f"{where}:{message.get('lastLine', '?')}: {message.get('message', '').strip()}")
    return errors
