"""Build the Pagefind search index over the rendered site.

Pagefind reads a copy of the indexed pages with Hangul spelled in Latin letters (see
``latin``), written beside the site and removed afterwards. One ``add_directory``
call rather than a call per page: the Python API polls for each response every 0.1 s, so
per-page calls cost 0.1 s a page. Pages opt in to the index with ``data-pagefind-body``
(reports, entities, plain pages); the others are left out. A large archive is indexed
in parts (``PART_PAGES``).
"""
from __future__ import annotations

import asyncio
import contextlib
import gzip
import hashlib
import json
import re
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import cbor2
from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from ..checkpoints import checkpoint
from ..errors import SearchIndexError
from ..workers import parallel_map
from .disk import write_disk_index
from .latin import encode_html
from .terms import lexicon_of, page_terms, words

PART_PAGES = 2_000
"""Pages per Pagefind index. Pagefind holds an index whole while it builds it, about
0.4 MB a page (440 MB at 1,075 pages, 4 GB at 10,195): a larger archive is indexed in
parts, one Pagefind process after another, which the search page merges."""


def build_search_index(site_dir: Path, output: Path | None = None, language: str = "ko",
                       part_pages: int = PART_PAGES) -> int:
    """Index the HTML pages under *site_dir* into *output* (``site_dir/pagefind``), and write
    the index a copy opened from disk searches (``site_dir/search-index.js``, see ``disk``)
    from the same pages and terms; returns the page count. Every page goes into one index,
    in the site's *language*, whatever the page's own: the search page queries its own
    language's index only, and a report in English must be found there too. Beyond
    *part_pages* pages the index is built in parts (see ``PART_PAGES``): the first at
    *output*, the others under ``output/parts/<n>/``, named in ``facets.json``. The API is
    asynchronous; it runs on a thread of its own so that callers that already run an event
    loop (the live server, browser-driven tests) can build too."""
    output = output or site_dir / "pagefind"
    source = Path(tempfile.mkdtemp(prefix=".search-source-", dir=site_dir.parent))
    try:
        pages = _read_pages(site_dir)
        searched = {path: page.searched() for path, page in pages.items()}
        lexicon = lexicon_of(searched.values())
        parts = _parts(pages, part_pages)
        paths = [path for part in parts for path in part]
        part_of = {path: number for number, part in enumerate(parts) for path in part}

        def copy(n: int) -> list[str]:
            """The page's terms, and its copy for Pagefind, with the terms Pagefind does not
            key itself from its words in a field (which ships in every result's fragment)."""
            path = paths[n]
            found = page_terms(searched[path], lexicon)
            own = set(words(searched[path]))
            html = with_terms((site_dir / path).read_text(encoding="utf-8"), [term for term in found if term not in own])
            target = source / str(part_of[path]) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(encode_html(html), encoding="utf-8")
            return found

        terms = dict(zip(paths, parallel_map(copy, len(paths), at_least=200), strict=True))
        write_disk_index(site_dir / "search-index.js", pages, terms)
        checkpoint("indexing")
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, _index_parts(source, len(parts), output, language)).result()
    finally:
        shutil.rmtree(source, ignore_errors=True)


def _read_pages(site_dir: Path) -> dict[str, IndexedPage]:
    """The pages that opt in to the index (``data-pagefind-body``), by path under *site_dir*,
    read on every core."""
    files = sorted(site_dir.rglob("*.html"))

    def read(n: int) -> IndexedPage | None:
        html = files[n].read_text(encoding="utf-8")
        return read_page(html) if "data-pagefind-body" in html else None

    return {file.relative_to(site_dir).as_posix(): page
            for file, page in zip(files, parallel_map(read, len(files), at_least=200), strict=True) if page is not None}


def _parts(pages: dict[str, IndexedPage], size: int) -> list[list[str]]:
    """The pages' paths in parts of at most *size*, in date order (undated pages last): each
    part's date order then continues the one before, so the search page's date order is
    the parts' orders one after another (see ``write_facets``)."""
    ordered = sorted(pages, key=lambda path: ("date" not in pages[path].sort, pages[path].sort.get("date", ""), path))
    return [ordered[start:start + size] for start in range(0, len(ordered), max(size, 1))] or [[]]


_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--.*?-->|([^<]+)", re.S)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIPPED = {"head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"}
_SPACED = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section", "br"}  # the rest join up
_PAGEFIND_ATTRIBUTE = re.compile(r'data-pagefind-(meta|filter|sort)="([^"]*)"')


@dataclass
class IndexedPage:
    """A page as Pagefind reads it: the text inside the ``data-pagefind-body`` element
    (outside ``data-pagefind-ignore`` ones, scripts and styles), its metadata, filters and
    sort keys."""
    text: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)

    def fields(self) -> list[str]:
        """What a search finds the page by: its text and the values of its metadata (title,
        outlet, date, the names in other languages of the entities it mentions, …)."""
        return [self.text, *(value for name, value in sorted(self.meta.items()) if name != "terms")]

    def searched(self) -> str:
        return " ".join(self.fields())


def read_page(html: str) -> IndexedPage:
    """As Pagefind 1.5 reads a page (``fossick/parser.rs``): elements it leaves out, and a
    space only at the edges of block elements, so "<a>미국</a>의" is the one word 미국의. (The
    pages are our own, valid HTML: start and end tags pair up.)"""
    page, text = IndexedPage(), []
    stack: list[tuple[str, bool, bool, str | None, list[str]]] = []  # name, in the body, ignored, meta named by its text
    capturing = 0  # open elements whose text names a metadata field
    for match in _TOKEN.finditer(html):
        closing, name, attributes, data = match.groups()
        in_body, ignored = stack[-1][1:3] if stack else (False, False)
        if data is not None:
            data = unescape(data)
            if in_body and not ignored:
                text.append(data)
            if capturing:
                for open_element in stack:
                    if open_element[3]:
                        open_element[4].append(data)
        elif name:
            name = name.lower()
            if name in _SPACED:
                text.append(" ")
            if closing:
                while stack:
                    element, *_, meta, captured = stack.pop()
                    if meta:
                        page.meta[meta] = " ".join("".join(captured).split())
                        capturing -= 1
                    if element == name:
                        break
                continue
            marked = "data-pagefind-" in attributes
            in_body = in_body or (marked and "data-pagefind-body" in attributes)
            named = None
            for kind, value in _PAGEFIND_ATTRIBUTE.findall(attributes) if marked else ():
                key, has_value, value = unescape(value).partition(":")
                if kind == "filter" and has_value:
                    page.filters.setdefault(key, []).append(value)
                elif kind == "sort" and has_value:
                    page.sort[key] = value
                elif kind == "meta":
                    if has_value:
                        page.meta[key] = value
                    else:
                        named = key
            if name not in _VOID and not attributes.rstrip().endswith("/"):
                capturing += bool(named)
                stack.append((name, in_body, ignored or (marked and "data-pagefind-ignore" in attributes) or name in _SKIPPED,
                              named, []))
    page.text = " ".join("".join(text).split())
    return page


def indexed_text(html: str) -> str:
    """The text Pagefind reads from a page."""
    return read_page(html).text


def with_terms(html: str, terms: list[str]) -> str:
    """The page with a hidden metadata field of the words it is found by (see ``terms``) at
    the start of its indexed element. A "·" between two terms keeps them from standing
    together: Pagefind finds a quoted phrase in a metadata field too."""
    if not terms:
        return html
    body = re.search(r"<[^>]*data-pagefind-body[^>]*>", html)
    field = f'<div hidden data-pagefind-ignore><span data-pagefind-meta="terms:{" · ".join(terms)}"></span></div>'
    return html[:body.end()] + field + html[body.end():]


async def _index_parts(source: Path, parts: int, output: Path, language: str) -> int:
    """Index each part (``source/<n>/``) with a Pagefind process of its own, so that its
    memory is returned before the next part starts; the first part's bundle at *output*,
    the others under it (``parts/<n>/``, without the search page's code they don't need)."""
    bundles = source / "bundles"
    count = 0
    for number in range(parts):
        count += await _index(source / str(number), bundles / str(number), language)
    shutil.rmtree(output, ignore_errors=True)
    shutil.move(bundles / "0", output)
    for number in range(1, parts):
        bundle = output / "parts" / str(number)
        shutil.move(bundles / str(number), bundle)
        for code in [*bundle.glob("*.js"), *bundle.glob("*.css")]:
            code.unlink()
    write_facets(output, [f"parts/{number}/" for number in range(1, parts)])
    return count


async def _index(source: Path, output: Path, language: str) -> int:
    config = IndexConfig(output_path=str(output), write_playground=False, force_language=language)
    source.mkdir(parents=True, exist_ok=True)
    pages = sum(1 for _ in source.rglob("*.html"))
    try:
        service = await PagefindService().launch()
        try:
            async def work() -> int:
                index = await service.create_index(config)
                await index.add_directory(str(source))
                await index.write_files()
                # The binary answers before its writes reach the disk, and closing the service
                # stops it: wait for a complete, settled bundle first.
                return await _finished_bundle(output)

            count = await _watched(service, work(), seconds=120 + 0.5 * pages)
        finally:
            await _close(service)
        canonical_filters(output)
        return count
    except SearchIndexError:
        raise
    except Exception as error:  # the binary's failures arrive as assorted exceptions
        raise SearchIndexError(f"Pagefind failed: {error}") from error


async def _close(service: PagefindService) -> None:
    """Stop the service; one whose binary already stopped is not asked to answer first."""
    backend, reader = service._backend, service._poll_task
    if backend.returncode is None and not reader.done():
        await service.close()
        return
    reader.cancel()
    with contextlib.suppress(BaseException):
        await reader  # its error (the binary's output ended) is the one already reported
    if backend.returncode is None:
        backend.kill()
    await backend.wait()


async def _watched(service: PagefindService, work, seconds: float):
    """*work*, unless Pagefind stops first (its Python API would then wait forever for an
    answer: a panic in the binary hung the build) or takes longer than *seconds*. Watches
    the service's process and reader, private to pagefind 1.5.2, which is pinned."""
    loop = asyncio.get_running_loop()
    task, deadline = asyncio.ensure_future(work), loop.time() + seconds
    try:
        while not task.done():
            await asyncio.wait({task}, timeout=0.25)
            backend, reader = getattr(service, "_backend", None), getattr(service, "_poll_task", None)
            if task.done():
                break
            if (backend is not None and backend.returncode is not None) or (reader is not None and reader.done()):
                code = backend.returncode if backend is not None else None
                raise SearchIndexError(f"Pagefind stopped before it finished (exit code {code}); no search index was built")
            if loop.time() > deadline:
                raise SearchIndexError(f"Pagefind did not finish in {seconds:.0f} s; no search index was built")
        return task.result()
    finally:
        task.cancel()


_SIGNATURE = b"pagefind_dcd"


def canonical_filters(bundle: Path) -> None:
    """Give the bundle the same bytes on every run. Pagefind lists each filter's values in
    a different order each time (and names files after their content), so two builds of
    one site differ in their filter files, the metadata naming them and the entry file
    naming that. The values are sorted here, and the files renamed after their new
    content. (Pagefind's format, 1.5: a file is gzip of "pagefind_dcd" + CBOR; a filter
    file is [name, [[value, [page, …]], …]]; the metadata's fourth field lists
    [filter name, file name].)"""
    entry_file = bundle / "pagefind-entry.json"
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        meta_file = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_chunk(meta_file)
        filters = []
        for name, chunk in meta[3]:
            old = bundle / "filter" / f"{chunk}.pf_filter"
            filter_name, values = _read_chunk(old)
            data = _chunk_bytes([filter_name, sorted(values, key=lambda value: value[0])])
            fresh = f"{chunk.rsplit('_', 1)[0]}_{hashlib.sha256(data).hexdigest()[:7]}"
            old.unlink()
            (bundle / "filter" / f"{fresh}.pf_filter").write_bytes(data)
            filters.append([name, fresh])
        meta[3] = sorted(filters)
        data = _chunk_bytes(meta)
        language["hash"] = f"{language['hash'].rsplit('_', 1)[0]}_{hashlib.sha256(data).hexdigest()[:10]}"
        meta_file.unlink()
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_facets(bundle: Path, parts: list[str] = ()) -> None:
    """``facets.json`` in the bundle: each filter value's pages and the pages in date order,
    as numbers into the list of the ids Pagefind gives its results, over the bundle and its
    *parts* (folders under it, in date order, which it names for the search page to merge).
    The search page filters, counts and sorts the pages its lookups found with it: Pagefind
    answers a search without words (which filter-only counts and date order need) by
    loading every index chunk (1.7 MB at 1,000 reports)."""
    facets: dict = {"pages": [], "filters": {}, "sorts": {}, "parts": list(parts)}
    for folder in [bundle, *(bundle / part for part in parts)]:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        for language in entry["languages"].values():
            meta = _read_chunk(folder / f"pagefind.{language['hash']}.pf_meta")
            first = len(facets["pages"])
            facets["pages"] += [page for page, _ in meta[1]]
            for name, chunk in meta[3]:
                _, values = _read_chunk(folder / "filter" / f"{chunk}.pf_filter")
                found = facets["filters"].setdefault(name, {})
                for value, pages in values:
                    found.setdefault(value, []).extend(first + page for page in pages)
            for name, pages in meta[4]:
                facets["sorts"].setdefault(name, []).extend(first + page for page in pages)
    facets["filters"] = {name: {value: _numbers(sorted(pages), delta=True) for value, pages in values.items()}
                         for name, values in facets["filters"].items()}
    facets["sorts"] = {name: _numbers(pages, delta=False) for name, pages in facets["sorts"].items()}
    data = json.dumps(facets, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    (bundle / "facets.json").write_text(data, encoding="utf-8")


def _numbers(numbers: list[int], delta: bool) -> str:
    """Page numbers as base-36, comma-separated; an ascending list as the steps between them
    (a third of the plain list's size at 1,000 reports)."""
    previous, written = 0, []
    for number in numbers:
        written.append(_base36(number - previous))
        previous = number if delta else 0
    return ",".join(written)


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[digit] + digits
        if not number:
            return digits


def _read_chunk(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_SIGNATURE):
        raise SearchIndexError(f"{path}: not a Pagefind 1.5 file")
    return cbor2.loads(data[len(_SIGNATURE):])


def _chunk_bytes(value) -> bytes:
    return gzip.compress(_SIGNATURE + cbor2.dumps(value), mtime=0)


async def _finished_bundle(output: Path, timeout: float = 60.0) -> int:
    """The number of pages indexed, once the entry file and the index metadata it names
    are on disk and no file has changed for a moment."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    previous = None
    while True:
        try:
            entry = json.loads((output / "pagefind-entry.json").read_text(encoding="utf-8"))
            languages = entry["languages"]
            complete = all((output / f"pagefind.{language['hash']}.pf_meta").is_file() for language in languages.values())
        except (OSError, ValueError, KeyError):
            complete = False
        state = sorted((str(p), p.stat().st_size) for p in output.rglob("*") if p.is_file()) if output.exists() else None
        if complete and state == previous:
            return sum(language["page_count"] for language in languages.values())
        previous = state
        if loop.time() > deadline:
            raise SearchIndexError(f"Pagefind did not finish writing {output}")
        await asyncio.sleep(0.1)
