#!/usr/bin/env python3
"""Compare our normalizer with trafilatura on the full-page HTML captures: the share of
hand-written gold checks each holds, per field and overall.

    .venv/bin/python benchmarks/extractor_compare.py              # the table
    .venv/bin/python benchmarks/extractor_compare.py --failures   # and trafilatura's failed checks

Each ``tests/captures/*.html`` with a ``<name>.gold.toml`` is scored by ``normalize_score``'s
own checks (``score_one``), once per extractor:

- ours: ``normalize_score.normalize``, what the build does with the capture (a crash counts
  as a refusal, every check failed, and is told on stderr);
- trafilatura: ``bare_extraction(with_metadata=True)`` for the front matter (title; deck =
  description; outlet = sitename; published = date; authors = author split on ';', ',' and
  ' and '; language) and ``extract(output_format="markdown")`` for the body, once with the
  options as first proposed (images, formatting, tables) and once with the best found here
  (favor_precision, formatting, tables, no images: an image's alt text repeats its caption).

trafilatura is not a project dependency: ``.venv/bin/pip install trafilatura lxml_html_clean``.
Dates are searched with a fixed ``max_date`` so the result does not depend on the day it runs.
"""
from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import normalize_score as ns  # noqa: E402

try:
    import trafilatura
except ImportError:
    sys.exit("extractor_compare: trafilatura is not installed; "
             "run .venv/bin/pip install trafilatura lxml_html_clean")  # exit status 1

DATES = {"original_date": True, "extensive_search": True, "max_date": "2030-12-31"}
VARIANTS = {  # column name -> options for both trafilatura calls
    "trafilatura": dict(include_tables=True, include_images=True, include_formatting=True),
    "traf. precision": dict(include_tables=True, include_images=False, include_formatting=True,
                            favor_precision=True),
}
NORMALIZE = ns.normalize  # ours; score() puts each extractor in its place while score_one runs


def trafilatura_page(path: Path, options: dict) -> ns.Page | str:
    html = path.read_text(encoding="utf-8")
    doc = trafilatura.bare_extraction(html, with_metadata=True, date_extraction_params=DATES, **options)
    body = trafilatura.extract(html, output_format="markdown", date_extraction_params=DATES, **options)
    if doc is None or not body:
        return "trafilatura extracted nothing"
    authors = [name.strip() for name in re.split(r";|,|\band\b", doc.author or "") if name.strip()]
    front = {"title": doc.title, "deck": [doc.description] if doc.description else [], "outlet": doc.sitename,
             "published": doc.date, "authors": authors, "language": doc.language}
    return ns.Page(front, body)


def ours(path: Path) -> ns.Page | str:
    """normalize_score.normalize, with a crash counted as a refusal (and told) rather than ending the run."""
    try:
        return NORMALIZE(path)
    except Exception as error:  # noqa: BLE001
        print(f"ours crashed on {path.name}: {error!r}", file=sys.stderr)
        return f"crashed: {error!r}"


def score(captures: list[Path], normalize) -> ns.Score:
    """normalize_score.score_one over the captures, with ``normalize`` standing in for ours."""
    original, ns.normalize = ns.normalize, normalize
    try:
        result = ns.Score()
        for path in captures:
            ns.score_one(path, tomllib.loads(path.with_suffix(".gold.toml").read_text(encoding="utf-8")), result)
        return result
    finally:
        ns.normalize = original


def table(scores: dict[str, ns.Score], captures: int) -> str:
    def cell(held: int, total: int) -> str:
        return f"{held}/{total} {held / total:.1%}" if total else "no checks"

    rows = [f"{captures} HTML captures", "", "| field | " + " | ".join(scores) + " |",
            "|---|" + "---:|" * len(scores)]
    for key in ns.FIELDS:
        rows.append(f"| {key} | " + " | ".join(cell(s.held[key], s.total[key]) for s in scores.values()) + " |")
    for label, keys in (("**overall**", ns.FIELDS), ("overall without language", [k for k in ns.FIELDS if k != "language"])):
        rows.append(f"| {label} | " + " | ".join(cell(sum(s.held[k] for k in keys), sum(s.total[k] for k in keys))
                                                  for s in scores.values()) + " |")
    rows.append("| body paragraphs lost | " + " | ".join(str(s.lost) for s in scores.values()) + " |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--captures", type=Path, default=ns.CAPTURES)
    parser.add_argument("--failures", action="store_true", help="list every check trafilatura failed")
    args = parser.parse_args()
    captures = sorted(p for p in args.captures.glob("*.html") if p.with_suffix(".gold.toml").exists())
    scores = {"ours": score(captures, ours)}
    for name, options in VARIANTS.items():
        scores[name] = score(captures, lambda path, options=options: trafilatura_page(path, options))
    print(table(scores, len(captures)))
    if args.failures:
        for name in VARIANTS:
            print(f"\n## {name} failures\n\n" + "\n".join(scores[name].failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
