"""Render the corpus into HTML pages with Jinja2 templates (templates stay dumb: the
values they show are prepared here). Links are relative to each page (``root``), so the
site works under any subpath and from disk; ``base_url`` makes canonical addresses."""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from html import unescape

import jinja2

from .config import Config
from .content import Corpus, Page, Report
from .dates import korean_date
from .errors import UserError
from .markdown import render_markdown

ORIGIN_LABELS = {"text": "원문 텍스트", "manifest": "연구자 매니페스트", "seed": "수집 파일", "derived": "자동 생성",
                 "edited": "직접 수정"}


@dataclass(frozen=True)
class OutputPage:
    path: str  # inside the site, e.g. "reports/x/index.html"
    url: str  # site-relative address, e.g. "reports/x/"
    html: str
    indexed: bool  # part of the search index


def report_url(report: Report) -> str:
    return f"reports/{report.slug}/"


def date_label(report: Report) -> str:
    label = korean_date(report.published) or "날짜 미상"
    return f"{label} (추정)" if report.published_estimated and report.published else label


class Renderer:
    def __init__(self, config: Config, corpus: Corpus):
        self.config = config
        self.corpus = corpus
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(config.templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=False,
        )
        self.site = {
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "report_count": len(corpus.reports),
        }

    def pages(self) -> list[OutputPage]:
        bodies = [render_markdown(report.body, report.path, report.body_line).html for report in self.corpus.reports]
        reports = [self._report_view(report, body) for report, body in zip(self.corpus.reports, bodies, strict=True)]
        out = [self._render("home.html", "", "index.html", "", False, kind="home", title=self.config.title,
                            description=self.config.description, reports=reports)]
        for report, view, body in zip(self.corpus.reports, reports, bodies, strict=True):
            out.append(self._render("report.html", view["url"], f"{view['url']}index.html", view["url"], True,
                                    kind="report", title=report.title, description=_description(report),
                                    report=view, body=body, origin_labels=ORIGIN_LABELS))
        for page in self.corpus.pages:
            out.append(self._plain_page(page))
        out.append(self._render("search.html", "search/", "search/index.html", "search/", False, kind="search",
                                title="검색", description=f"{self.config.title}의 보도와 문서를 검색합니다."))
        return out

    def _plain_page(self, page: Page) -> OutputPage:
        url = f"{page.slug}/"
        body = render_markdown(page.body, page.path, page.body_line)
        return self._render("page.html", url, f"{url}index.html", url, True, kind="page", slug=page.slug,
                            title=page.title, description=page.description or page.title, body=body.html)

    def _report_view(self, report: Report, body_html: str) -> dict:
        return {
            "teaser": "" if report.deck else _first_sentence(body_html),
            "url": report_url(report), "title": report.title, "outlet": report.outlet, "outlet_en": report.outlet_en,
            "published": report.published, "date_label": date_label(report), "authors": report.authors,
            "cites": report.cites, "deck": report.deck, "dateline": report.dateline, "rights": report.rights,
            "source": report.source, "source_sha256": report.source_sha256, "provenance": report.provenance,
            "notes": report.notes,
        }

    def _render(self, template: str, url: str, path: str, canonical_url: str, indexed: bool, **values) -> OutputPage:
        depth = url.count("/")
        root = "../" * depth if depth else "./"
        base = self.config.base_url
        page = {"kind": values.pop("kind"), "slug": values.pop("slug", ""), "title": values.pop("title"),
                "description": values.pop("description"),
                "canonical": base + canonical_url if base.startswith("http") else ""}
        try:
            html = self.env.get_template(template).render(site=self.site, page=page, root=root, **values)
        except jinja2.TemplateSyntaxError as error:
            raise UserError(error.filename or template, error.lineno, f"template syntax error: {error.message}") from None
        except jinja2.TemplateNotFound as error:
            raise UserError(self.config.templates / str(error.name), None, "template not found") from None
        except (jinja2.UndefinedError, TypeError) as error:
            where, line = _template_frame(self.config, template)
            raise UserError(where, line, f"template error: {error}") from None
        return OutputPage(path=path, url=url, html=html, indexed=indexed)


def _first_sentence(body_html: str, limit: int = 140) -> str:
    """The opening sentence of the first paragraph, for lists of reports without a deck."""
    match = re.search(r'<p id="p-1">(.*?)</p>', body_html, re.S)
    if not match:
        return ""
    text = unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _description(report: Report) -> str:
    text = " · ".join(report.deck) or report.summary or report.title
    return f"{report.outlet} {korean_date(report.published)}: {text}".strip()[:300]



def _template_frame(config: Config, fallback: str) -> tuple[str, int | None]:
    """The template file and line a runtime template error happened at (Jinja puts
    template frames into the traceback)."""
    tb = sys.exc_info()[2]
    found: tuple[str, int | None] = (str(config.templates / fallback), None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
