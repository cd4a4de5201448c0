"""Restatements: one negotiation step told several times in an article becomes one event.

"The talks" again, the truce again, or the same round with one more fact (its place, its
date) joins the step already found; two demands by different sides, or a denial and the
event it denies, stay apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.records import EventRecord

_RESTATED = {"talks", "implementation", "agreement"}


POSITIONS = {"demand", "rejection", "acceptance", "proposal", "counterproposal"}
"""Stages that are a side's position: told again, they are matched by who holds them."""


_MERGE_WINDOW = 3
"""Sentences within which an undated, unplaced restatement joins the previous same-stage event."""


@dataclass(frozen=True, slots=True)
class Found:
    """An event with where it was found: its sentence and the first actor of its clause."""

    sentence: int
    event: EventRecord
    subject: str | None


def add(found: list[Found], item: Found) -> None:
    """Add an event unless it restates an earlier step; fill that step's missing facts."""
    event = item.event
    candidates = [
        p
        for p in range(len(found) - 1, -1, -1)
        if found[p].event.stage == event.stage and _same_step(found[p], item)
    ]
    # A restatement joins the step it names: same place or date first, then the nearest (a
    # headline, read last, joins the lead).
    candidates.sort(
        key=lambda p: (
            not (
                (event.place and found[p].event.place == event.place)
                or (event.date and found[p].event.date == event.date)
            ),
            abs(found[p].sentence - item.sentence),
        )
    )
    for position in candidates[:1]:
        earlier = found[position]
        merged = earlier.event
        # a release told again by another side's doing gives it no place: "Israel freed 30
        # prisoners on Sunday. The Houthis freed 50 detainees in Aden on Sunday."
        others = (
            event.stage == "implementation"
            and bool(earlier.subject and item.subject)
            and earlier.subject != item.subject
        )
        found[position] = Found(
            earlier.sentence,
            replace(
                merged,
                date=merged.date or event.date,
                date_precision=merged.date_precision if merged.date else event.date_precision,
                place=merged.place or (None if others else event.place),
                actors=merged.actors + [a for a in event.actors if a not in merged.actors],
            ),
            earlier.subject or item.subject,
        )
        return
    found.append(item)


def _same_step(earlier: Found, item: Found) -> bool:
    """Is ``item`` a restatement of ``earlier``? Same stage, compatible facts, nearby."""
    a, b = earlier.event, item.event
    if (a.modality == "negated") != (b.modality == "negated"):
        return False  # "did not present proposals" and "yielded a blueprint" are two things
    if a.modality == "hypothetical" and b.modality != "hypothetical" and not (a.date or a.place):
        return False  # "talks could resume" does not take the facts of the trip scheduled
    if a.modality == "planned" and b.modality == "actual" and not (a.date or a.place):
        return False  # "were expected to discuss the next steps" is not "met in Cairo on Monday"
    if (
        a.modality == "actual"
        and b.modality in ("planned", "hypothetical")
        and _AGAIN.search(b.text)
    ):
        return False  # "met on Sunday in Paris" and then "the discussions would continue"
    if not (
        (a.date is None or b.date is None or a.date == b.date)
        and (a.place is None or b.place is None or a.place == b.place)
    ):
        return False
    if (
        b.stage in POSITIONS | {"violation"}
        and earlier.subject
        and item.subject
        and earlier.subject != item.subject
    ):
        return False  # Hamas' demand and Israel's insistence are two steps
    if a.date == b.date and a.place == b.place and (b.date or b.place):
        return True  # the same step, told twice
    if b.stage in _RESTATED and (
        (b.date is None and b.place is None) or (a.date is None and a.place is None)
    ):
        return True  # "the talks" again, the truce again: the step already reported
    if b.stage == "talks" and (
        (b.date is None and b.place is None)
        or (a.date is not None and a.date == b.date)
        or (a.place is not None and a.place == b.place)
    ):
        return True  # "the talks" again, or the same round with one more fact
    if item.sentence - earlier.sentence > _MERGE_WINDOW:
        return False
    # "Hamas demands a withdrawal" and "Hamas demands an end to the war" are two demands (the
    # same for rejections); "Hamas insists that no hostages will be freed until ..." is one,
    # told in one sentence.
    return (
        b.stage not in ("demand", "rejection")
        or item.sentence == earlier.sentence
        or _same_object(a.text, b.text)
    )


_AGAIN = re.compile(r"\b(?:continu|resum|reconven)", re.I)
"""A step told again as going on or starting again is a new step, not a restatement."""

_STOP = set(
    "the and for with from that this their them its into over about which will would".split()
)


_STAGE_WORDS = {
    "demand",
    "demands",
    "calls",
    "calling",
    "called",
    "insists",
    "insisted",
    "rejected",
    "rejects",
    "hamas",
    "israel",
}


def _same_object(a: str, b: str) -> bool:
    """Do two statements share a content word beyond the stage verb and the two parties?"""
    words = [{w for w in re.findall(r"[a-z]{4,}", t.lower()) if w not in _STOP} for t in (a, b)]
    return bool((words[0] & words[1]) - _STAGE_WORDS)
