"""The normalization audit on a source page: each line of the capture with what the
normalizer made of it (``ingest/audit.py``), counted by fate and rule at the top. Runs of
removed or blank lines are folded, and a very long capture lists its first lines only (its
counts cover all of it), so that an 8 MB seed still gives a page a browser can show."""
from __future__ import annotations

import re

from ...ingest.audit import FATES, LineFate

FOLD_AFTER = 4  # a run of this many removed or blank lines is folded
FOLD_SHOWN = 400  # the lines of a longer folded run are only counted (the raw file has them)
SHOWN_LINES = 3000  # lines listed, folded runs included
TEXT_SHOWN = 400  # characters shown of one line
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_QUIET = ("removed", "blank")  # fates whose runs are folded


def audit_view(fates: tuple[LineFate, ...], words) -> dict:
    """What the template shows: the counts, and the lines in groups (a fold or a run of lines)."""
    counts: dict[str, dict[str, int]] = {fate: {} for fate in FATES}
    for line in fates:
        counts[line.fate][line.rule] = counts[line.fate].get(line.rule, 0) + 1
    summary = [{"fate": fate, "label": words.FATE_LABELS[fate], "count": sum(rules.values()),
                "rules": [{"rule": rule, "label": words.RULE_LABELS[rule], "count": count}
                          for rule, count in sorted(rules.items(), key=lambda pair: (-pair[1], pair[0]))]}
               for fate, rules in counts.items() if rules]
    groups: list[dict] = []
    shown = 0
    for run in _runs(fates):
        if shown >= SHOWN_LINES:
            break
        folded = len(run) >= FOLD_AFTER and all(line.fate in _QUIET for line in run)
        listed = run if not folded or len(run) <= FOLD_SHOWN else []
        listed = listed[: SHOWN_LINES - shown]
        shown += len(run) if folded else len(listed)
        groups.append({"folded": folded, "first": run[0].line, "last": run[-1].line, "count": len(run),
                       "labels": " · ".join(f"{words.RULE_LABELS[rule]} {count}" for rule, count in _rule_counts(run)),
                       "lines": [_row(line, words) for line in listed]})
    return {"summary": summary, "total": len(fates), "groups": groups, "html": any(line.at for line in fates),
            "rest": len(fates) - sum(group["count"] if group["folded"] else len(group["lines"]) for group in groups)}


def _runs(fates: tuple[LineFate, ...]) -> list[list[LineFate]]:
    """The lines in runs: removed and blank lines together, the others together."""
    runs: list[list[LineFate]] = []
    for line in fates:
        quiet = line.fate in _QUIET
        if runs and (runs[-1][-1].fate in _QUIET) == quiet:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _rule_counts(run: list[LineFate]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for line in run:
        counts[line.rule] = counts.get(line.rule, 0) + 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def _row(line: LineFate, words) -> dict:
    text = line.text if len(line.text) <= TEXT_SHOWN else line.text[:TEXT_SHOWN] + "…"
    text = _CONTROL.sub(lambda found: chr(0x2400 + ord(found.group())), text)  # a page break as ␌, not a code point HTML forbids
    return {"id": f"L{line.line}", "number": line.line, "at": line.at, "text": text, "fate": line.fate,
            "fate_label": words.FATE_LABELS[line.fate], "rule": line.rule,
            "rule_label": " · ".join(words.RULE_LABELS[rule] for rule in (line.rule, *line.also))}
