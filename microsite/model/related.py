"""Reports related to a report: those that tell the same events (a syndicated copy, a
follow-up) or name the same uncommon entities. An entity named by every report says
nothing; one named by few says much (its weight is log(N / reports naming it)).

Candidates come only through events told and entities named by at most
``CANDIDATE_REPORTS`` reports, so the work grows with the archive, not with its square;
a widely told event or name still counts towards the score of the candidates it shares.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

CANDIDATE_REPORTS = 300  # an entity or event of more reports than this ranks, but does not bring candidates
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
    names; *events*: the event ids each report is a source of.

    The shared events and uncommon names are counted by walking their lists; the common
    names (named by more than CANDIDATE_REPORTS) are bits of a mask per report, and their
    weights are summed a byte of the shared mask at a time from tables."""
    position = {slug: number for number, slug in enumerate(order)}
    naming: dict[str, list[str]] = {}
    telling: dict[str, list[str]] = {}
    for slug in order:
        for entity in mentioned.get(slug, ()):
            naming.setdefault(entity, []).append(slug)
        for event in dict.fromkeys(events.get(slug, ())):
            telling.setdefault(event, []).append(slug)
    weight = {entity: math.log(len(order) / len(slugs)) for entity, slugs in naming.items()}
    common = sorted(entity for entity, slugs in naming.items() if len(slugs) > CANDIDATE_REPORTS)
    bit = {entity: 1 << number for number, entity in enumerate(common)}
    tables = [[sum(weight[entity] for place, entity in enumerate(common[start:start + 8]) if byte >> place & 1)
               for byte in range(256)] for start in range(0, len(common), 8)]
    mask = {slug: sum(bit[entity] for entity in mentioned.get(slug, ()) if entity in bit) for slug in order}
    widely_told = {event for event, slugs in telling.items() if len(slugs) > CANDIDATE_REPORTS}
    wide = {slug: frozenset(event for event in events.get(slug, ()) if event in widely_told) for slug in order}
    result = {}
    for slug in order:
        shared_events: dict[str, int] = {}
        for event in dict.fromkeys(events.get(slug, ())):
            if event not in widely_told:
                for other in telling[event]:
                    shared_events[other] = shared_events.get(other, 0) + 1
        names: dict[str, int] = {}
        named: dict[str, float] = {}
        for entity in sorted(mentioned.get(slug, ())):
            if entity not in bit:
                for other in naming[entity]:
                    names[other] = names.get(other, 0) + 1
                    named[other] = named.get(other, 0.0) + weight[entity]
        mine, my_wide, here, scored = mask[slug], wide[slug], position[slug], []
        for other in shared_events.keys() | names.keys():
            if other == slug:
                continue
            shared, common_weight, table = mine & mask[other], 0.0, 0
            rest = shared
            while rest:
                common_weight += tables[table][rest & 255]
                rest, table = rest >> 8, table + 1
            told = shared_events.get(other, 0) + (len(my_wide & wide[other]) if my_wide else 0)
            # rounded: the same weights added in another order rank alike
            score = round(EVENT_WEIGHT * told + named.get(other, 0.0) + common_weight, 9)
            if score > 0:
                scored.append((-score, abs(position[other] - here), other, told, names.get(other, 0) + shared.bit_count()))
        result[slug] = tuple(Related(other, told, count) for _, _, other, told, count in sorted(scored)[:limit])
    return result
