"""Reports related to a report: those that tell the same events (a syndicated copy, a
follow-up) or name the same uncommon entities. An entity named by every report says
nothing; one named by few says much (its weight is log(N / reports naming it)).

Candidates come only through events and through entities named by at most
``CANDIDATE_REPORTS`` reports, so the work grows with the archive, not with its square.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

CANDIDATE_REPORTS = 300  # an entity named by more reports than this ranks, but does not bring candidates
EVENT_WEIGHT = 3.0  # one shared event outweighs any one shared name


@dataclass(frozen=True)
class Related:
    slug: str
    events: int  # events both report
    names: int  # entities both name


def related_reports(order: list[str], mentioned: dict[str, frozenset[str]], events: dict[str, list[str]],
                    limit: int = 5) -> dict[str, tuple[Related, ...]]:
    """For each report (*order*: every slug, newest first), up to *limit* related ones, the
    most related first, ties to the nearest in time. *mentioned*: the entities each report
    names; *events*: the event ids each report is a source of."""
    position = {slug: number for number, slug in enumerate(order)}
    naming: dict[str, list[str]] = {}
    for slug in order:
        for entity in mentioned.get(slug, ()):
            naming.setdefault(entity, []).append(slug)
    telling: dict[str, list[str]] = {}
    for slug in order:
        for event in events.get(slug, ()):
            telling.setdefault(event, []).append(slug)
    weight = {entity: math.log(len(order) / len(slugs)) for entity, slugs in naming.items()}
    result = {}
    for slug in order:
        candidates: set[str] = set()
        for event in events.get(slug, ()):
            candidates.update(telling[event])
        for entity in mentioned.get(slug, ()):
            if len(naming[entity]) <= CANDIDATE_REPORTS:
                candidates.update(naming[entity])
        candidates.discard(slug)
        mine, my_events = mentioned.get(slug, frozenset()), set(events.get(slug, ()))
        scored = []
        for other in candidates:
            shared_events = len(my_events & set(events.get(other, ())))
            shared = mine & mentioned.get(other, frozenset())
            score = EVENT_WEIGHT * shared_events + sum(weight[e] for e in shared)
            if score > 0:
                scored.append((-score, abs(position[other] - position[slug]), other, shared_events, len(shared)))
        result[slug] = tuple(Related(other, shared_events, names)
                             for _, _, other, shared_events, names in sorted(scored)[:limit])
    return result
