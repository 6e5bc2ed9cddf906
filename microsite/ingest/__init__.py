"""Ingest: raw captures in ``seeds/`` → report pages in ``content/reports/``. A seed's bytes
are decoded (``decode``), an HTML capture flattened to lines (``markup``), the furniture
told from the article (``furniture``, ``normalize``), the text's facts joined with the
researcher's manifest (``manifest``, ``cascade``) and the page written, never over a
human edit (``pages``)."""
from __future__ import annotations

from .pages import IngestResult, ingest, seed_files, sha256_hex

__all__ = ["IngestResult", "ingest", "seed_files", "sha256_hex"]
