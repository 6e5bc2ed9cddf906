"""Content: what authors write, loaded and checked up front — the configuration
(``config``), report and page front matter (``frontmatter``, ``reports``), the entity
registry (``entities``) and the chronology's curation (``curation``), all against one
schema (``schema``)."""
from __future__ import annotations

from .config import Config, load_config
from .reports import Corpus, Page, Report, load_corpus, load_report

__all__ = ["Config", "Corpus", "Page", "Report", "load_config", "load_corpus", "load_report"]
