#!/usr/bin/env python3
"""Generate a synthetic benchmark corpus of Korean reports from the five real ones.

    .venv/bin/python benchmarks/corpus.py --reports 1000 --seed 1 --out /tmp/bench/n1000

DIR (``--out``) becomes three sites over the same Markdown bodies:

- DIR/ itself: a complete project for our build (pyproject.toml, build.py, templates/,
  assets/, content/pages/, content/entities/ copied from this repository; N raw captures in
  seeds/ and N report pages in content/reports/ whose ``source`` and ``source_sha256`` name
  those captures, and the normalizer's record of them). content/chronology.toml is left out: its curated ids name the real
  reports. The package is not installed, so build it with the repository on the path:
  ``cd DIR && PYTHONPATH=/work/main /work/main/.venv/bin/python build.py``.
- DIR/hugo/: a minimal Hugo site (hugo.toml, layouts/, content/reports/*.md); ``hugo``.
- DIR/mkdocs/: a MkDocs project (mkdocs.yml, docs/); ``mkdocs build``.

Bodies are recombined paragraphs and sentences of the five real reports, with numbers and
dates varied and some company and place names swapped (알리바바 → 텐센트/바이두 …), so the
entity registry's aliases occur naturally. Dates spread over 2022–2026 at day or month
precision; ~15 Korean outlets. One report in ten is a syndicated copy: another outlet's
reprint of an earlier report's title and body, a day or two later. The output is a function of (--reports, --seed) only: the
same arguments give the same bytes, and report i is the same whatever N is.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import io
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MARKER = ".benchmark-corpus"

OUTLETS = [  # (name, English name, e-mail domain)
    ("연합뉴스", "Yonhap News Agency", "yna.co.kr"), ("조선일보", "The Chosun Ilbo", "chosun.com"),
    ("중앙일보", "JoongAng Ilbo", "joongang.co.kr"), ("동아일보", "The Dong-A Ilbo", "donga.com"),
    ("한겨레", "The Hankyoreh", "hani.co.kr"), ("경향신문", "The Kyunghyang Shinmun", "kyunghyang.com"),
    ("한국일보", "The Hankook Ilbo", "hankookilbo.com"), ("매일경제", "Maeil Business Newspaper", "mk.co.kr"),
    ("한국경제", "The Korea Economic Daily", "hankyung.com"), ("서울경제", "Seoul Economic Daily", "sedaily.com"),
    ("머니투데이", "Money Today", "mt.co.kr"), ("전자신문", "Electronic Times", "etnews.com"),
    ("디지털타임스", "Digital Times", "dt.co.kr"), ("지디넷코리아", "ZDNet Korea", "zdnet.co.kr"),
    ("문화일보", "Munhwa Ilbo", "munhwa.com"), ("뉴스1", "News1", "news1.kr"),
]
REPORTERS = ["김민준", "이서연", "박지훈", "최수아", "정우진", "강하은", "조현우", "윤지민", "장서준", "임하늘",
             "한도윤", "오유나", "서지호", "신예린", "권태양", "황보람"]
CITES = ["월스트리트저널(WSJ)", "파이낸셜타임스", "로이터 통신", "디인포메이션", "블룸버그", "코인텔레그래프(Cointelegraph)",
         "뉴욕타임스", "사우스차이나모닝포스트"]
SWAPS = {"알리바바": ["텐센트", "바이두"], "바이트댄스": ["텐센트", "딥시크"], "마이크로소프트": ["구글", "아마존"],
         "호주": ["말레이시아", "싱가포르"], "싱가포르": ["말레이시아"], "화웨이": ["바이두"]}
FURNITURE = ["- 반도체 수출 규제 강화…업계 \"대응책 마련 분주\"", "- [단독] 데이터센터 전력 수요 급증", "- 오늘의 주요 뉴스",
             "- AI 투자 경쟁 가열…빅테크 설비투자 사상 최대", "- 환율 1400원대 재진입", "- 주간 인기 기사"]
FIRST_DAY, LAST_DAY = datetime.date(2022, 1, 1), datetime.date(2026, 12, 31)
SYNDICATED = 0.1  # share of reports that are another outlet's copy of an earlier one

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’)\]])\s+")
_NUMBER = re.compile(r"(?<![A-Za-z\d)∼~.,])\d+(?![\d∼~.,])")


def load_material(reports_dir: Path) -> dict:
    """Paragraphs, sentences, headlines, headings and figures of the real report pages."""
    material = {"paragraphs": [], "sentences": [], "headlines": [], "decks": [], "headings": [], "figures": []}
    for path in sorted(reports_dir.glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        material["headlines"].append(meta["title"])
        material["decks"] += meta.get("deck") or []
        for figure in re.findall(r"^::: figure[^\n]*\n.*?\n:::$", body, re.M | re.S):
            material["figures"].append(figure)
        body = re.sub(r"^::: figure[^\n]*\n.*?\n:::$", "", body, flags=re.M | re.S)
        for block in (b.strip() for b in body.split("\n\n")):
            if block.startswith("## "):
                material["headings"].append(block[3:])
            elif block:
                material["paragraphs"].append(block)
                material["sentences"] += [s for s in _SENTENCE_END.split(block) if s]
    return material


def vary_numbers(text: str, rng: random.Random) -> str:
    """Change the numbers in a sentence; years, months and days stay valid dates. Model
    names (H100, 에이(A)100) and ranges (6∼9일) are left alone."""
    def replace(match: re.Match) -> str:
        digits, after = match.group(0), text[match.end():match.end() + 1]
        if after == "년":
            return str(rng.randint(2021, 2026)) if len(digits) == 4 else digits
        if after == "월":
            return str(rng.randint(1, 12))
        if after == "일":
            return str(rng.randint(1, 28))
        return str(rng.randint(10 ** (len(digits) - 1) if len(digits) > 1 else 1, 10 ** len(digits) - 1))
    return _NUMBER.sub(replace, text)


def swap_names(text: str, swaps: dict[str, str]) -> str:
    if not swaps:
        return text
    pattern = re.compile("|".join(re.escape(name) for name in sorted(swaps, key=len, reverse=True)))
    return pattern.sub(lambda m: swaps[m.group(0)], text)


def make_report(index: int, seed: int, material: dict) -> dict:
    """Report *index*: front matter values, Markdown body and raw capture text."""
    rng = random.Random(f"{seed}-{index}")
    outlet, outlet_en, domain = rng.choice(OUTLETS)
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    month_only = rng.random() < 0.25
    published = day.strftime("%Y-%m") if month_only else day.isoformat()
    swaps = {name: rng.choice(choices) for name, choices in SWAPS.items() if rng.random() < 0.3}

    def clean(text: str) -> str:
        return swap_names(vary_numbers(text, rng), swaps)

    blocks: list[tuple[str, str]] = []  # (kind, text): "p", "h" or "fig"
    for _ in range(rng.randint(4, 14)):
        if rng.random() < 0.4:
            paragraph = rng.choice(material["paragraphs"])
        else:
            paragraph = " ".join(rng.choice(material["sentences"]) for _ in range(rng.randint(1, 4)))
        blocks.append(("p", clean(paragraph)))
    if rng.random() < 0.2:
        blocks.insert(rng.randint(1, len(blocks) - 1), ("h", clean(rng.choice(material["headings"] + material["decks"]))))
    if material["figures"] and rng.random() < 0.1:
        blocks.insert(rng.randint(0, 1), ("fig", clean(rng.choice(material["figures"]))))

    headline = rng.choice(material["headlines"] + material["decks"])
    other = rng.choice(material["headlines"] + material["decks"])
    if "…" in headline and "…" in other and rng.random() < 0.5:
        headline = headline.split("…", 1)[0] + "…" + other.split("…", 1)[1]
    title = clean(headline)
    deck = [clean(line) for line in rng.sample(material["decks"], rng.randint(1, 2))] if rng.random() < 0.4 else []
    authors = rng.sample(REPORTERS, rng.choice([0, 1, 1, 1, 2]))
    cites = rng.sample(CITES, rng.randint(0, 2))
    if index and rng.random() < SYNDICATED:  # another outlet carries an earlier report, a day or two later
        original = make_report(rng.randrange(index), seed, material)
        blocks, title, deck, cites = original["blocks"], original["title"], original["deck"], original["cites"]
        published = _days_after(original["published"], rng.randint(0, 2))
        day = datetime.date.fromisoformat(published if len(published) == 10 else published + "-01")
    slug = f"r{index:05d}-{day.year}-{day.month:02d}"
    return {"index": index, "slug": slug, "title": title, "outlet": outlet, "outlet_en": outlet_en, "domain": domain,
            "published": published, "estimated": len(published) == 10 and rng.random() < 0.15, "authors": authors,
            "cites": cites, "deck": deck, "blocks": blocks, "furniture": rng.sample(FURNITURE, rng.randint(0, 4)),
            "rights": f"Copyright © {outlet}. 무단전재 및 재배포 금지."}


def _days_after(published: str, days: int) -> str:
    if len(published) != 10:
        return published
    return (datetime.date.fromisoformat(published) + datetime.timedelta(days=days)).isoformat()


def markdown_body(report: dict) -> str:
    parts = [f"## {text}" if kind == "h" else text for kind, text in report["blocks"]]
    return "\n\n".join(parts) + "\n"


def capture_text(report: dict) -> str:
    """The raw capture as a portal page would give it: headline, deck, byline, one line per
    paragraph, copyright and related-headline furniture."""
    lines = [report["title"], *report["deck"]]
    for number, name in enumerate(report["authors"]):
        lines.append(f"{name} 기자 reporter{report['index']}{number}@{report['domain']}")
    for kind, text in report["blocks"]:
        if kind == "h":
            lines.append(f"◆{text}")
        elif kind == "fig":
            caption = text.splitlines()[1]
            credit = re.search(r"credit='([^']*)'", text)
            lines.append(f"{caption} {credit.group(1) if credit else ''}".rstrip())
        else:
            lines.append(text)
    lines.append(report["rights"])
    lines += report["furniture"]
    return "\n".join(lines) + "\n"


def front_matter(report: dict, source: str, sha: str) -> dict:
    front = {"title": report["title"], "slug": report["slug"], "outlet": report["outlet"], "published": report["published"]}
    if report["estimated"]:
        front["published_estimated"] = True
    front |= {"authors": report["authors"], "source": source, "source_sha256": sha, "language": "ko",
              "cites": report["cites"], "rights": report["rights"]}
    if report["deck"]:
        front["deck"] = report["deck"]
    front["outlet_en"] = report["outlet_en"]
    front["provenance"] = {key: ("seed" if key.startswith("source") else "text") for key in front if key != "outlet_en"}
    front["provenance"]["outlet_en"] = "manifest"
    return front


def page(front: dict, body: str) -> str:
    """YAML front matter and body, written the way microsite/frontmatter.py dump_page does."""
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    return f"---\n{text}---\n\n{body}"


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)


HUGO_CONFIG = """baseURL = "https://example.org/"
languageCode = "ko"
title = "클라우드 우회 (벤치마크)"
disableKinds = ["taxonomy", "term"]
buildFuture = true  # reports are dated up to 2026-12; Hugo skips future-dated pages by default
"""
HUGO_SINGLE = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><article><h1>{{ .Title }}</h1>
{{ .Content }}
</article></main></body></html>
"""
HUGO_LIST = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
<ol>{{ range .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>
</main></body></html>
"""
MKDOCS_CONFIG = """site_name: 클라우드 우회 (벤치마크)
docs_dir: docs
site_dir: site
theme:
  name: mkdocs
"""


def generate(count: int, seed: int, out: Path) -> None:
    material = load_material(REPO / "content" / "reports")
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            sys.exit(f"{out} is not empty and was not made by this script; choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True)
    write(out / MARKER, f"reports={count} seed={seed}\n")
    for name in ("pyproject.toml", "build.py"):
        shutil.copyfile(REPO / name, out / name)
    for folder in ("templates", "assets", "content/pages", "content/entities"):
        shutil.copytree(REPO / folder, out / folder, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    write(out / "hugo" / "hugo.toml", HUGO_CONFIG)
    write(out / "hugo" / "layouts" / "single.html", HUGO_SINGLE)
    write(out / "hugo" / "layouts" / "list.html", HUGO_LIST)
    write(out / "hugo" / "layouts" / "home.html", HUGO_LIST)
    write(out / "mkdocs" / "mkdocs.yml", MKDOCS_CONFIG)
    write(out / "mkdocs" / "docs" / "index.md", "# 클라우드 우회 (벤치마크)\n\n합성 보도 모음.\n")
    for index in range(count):
        report = make_report(index, seed, material)
        capture = capture_text(report).encode("utf-8")
        seed_name = f"{index:05d}_{hashlib.sha256(report['slug'].encode()).hexdigest()[:16]}.txt"
        write(out / "seeds" / seed_name, capture)
        body = markdown_body(report)
        front = front_matter(report, f"seeds/{seed_name}", hashlib.sha256(capture).hexdigest())
        write(out / "content" / "reports" / f"{report['slug']}.md", page(front, body))
        hugo_date = report["published"] if len(report["published"]) == 10 else report["published"] + "-01"
        write(out / "hugo" / "content" / "reports" / f"{report['slug']}.md",
              page({"title": report["title"], "date": hugo_date, "outlet": report["outlet"]}, body))
        write(out / "mkdocs" / "docs" / "reports" / f"{report['slug']}.md", page({"title": report["title"]}, body))
    record_normalization(out)


def record_normalization(out: Path) -> None:
    """Write the normalizer's record of the seeds (``content/reports/.normalized.json``: each
    seed's manifest entry and audit), as an archive whose pages the normalizer made holds it,
    so that a cold build here, like one of a cloned archive, normalizes nothing. The pages,
    not made by the normalizer, count as edited by hand and stay as generated."""
    sys.path.insert(0, str(REPO))
    from microsite.errors import Diagnostics
    from microsite.ingest import ingest
    ingest(out, out / "seeds", out / "content", Diagnostics(root=out, stream=io.StringIO()), missing_only=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, required=True, help="number of reports, e.g. 100, 1000, 10000")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--out", type=Path, required=True, help="folder to create (replaced if this script made it)")
    args = parser.parse_args()
    generate(args.reports, args.seed, args.out.resolve())
    print(f"{args.reports} reports (seed {args.seed}) → {args.out}")


if __name__ == "__main__":
    main()
