"""The author's own pages (``content/pages/``), the search page and the page for missing addresses."""
from __future__ import annotations

import json

from ...content import Page
from ..markdown import render_body
from ..pages import PageKind, Planned, plan
from ..site import Site


def plain_pages(kind: PageKind, site: Site) -> list[Planned]:
    return [plan(kind, site, f"{page.slug}/", (page,), (page,)) for page in site.model.corpus.pages]


def plain_view(site: Site, page: Page) -> dict:
    return {"page": {"title": page.title, "description": page.description or page.title, "slug": page.slug},
            "body": render_body(page.body, page.path, page.body_line)}


def search_pages(kind: PageKind, site: Site) -> list[Planned]:
    return [plan(kind, site, "search/", (), ())]


def search_view(site: Site) -> dict:
    return {"page": {"title": "검색", "description": f"{site.config.title}의 보도와 문서를 검색합니다."},
            "endings": json.dumps(site.lang.ENDINGS, ensure_ascii=False), "stem": site.lang.STEM}


def missing_pages(kind: PageKind, site: Site) -> list[Planned]:
    return [plan(kind, site, "404/", (), (), path="404.html")]


def missing_view(site: Site) -> dict:
    return {"page": {"title": "페이지를 찾을 수 없습니다", "description": "요청한 주소에 페이지가 없습니다."}}
