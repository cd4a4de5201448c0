"""How a figure is framed: status (reported or a term), scope, and the date it refers to.

All three are read from cue words of the figure's sentence (``data/cues/status.yaml``,
``scope.yaml``) and, for scope and dates, the sentence before it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.cues import CueSet, cue_set
from briefing.dates import DateMention, resolve_dates
from briefing.numbers import Quantity
from briefing.vocab import load_yaml

_REPORTING = re.compile(r"\b(?:says|said|say|told|according to|reported|insists|warned)\b", re.I)
_RELEASE_MEASURES = {"hostages_released", "prisoners_released", "remains_returned"}
_STOCK_MEASURES = {"hostages_held", "hostages_alive", "hostages_dead", "missing", "displaced"}


@dataclass(frozen=True, slots=True)
class Context:
    """A figure's surroundings: the text, publication date, its sentence and the one before."""

    text: str
    published: date | None
    sentence: tuple[int, int]
    previous: tuple[int, int] | None


@functools.cache
def _vocab() -> dict[str, CueSet]:
    return {
        "truce": cue_set("measures.yaml", "truce_words", "not_truce_words"),
        "status": cue_set("status.yaml", "past_fact", "agreed", "proposed", "demanded"),
        "scope": cue_set("scope.yaml", "period", "cumulative", "incident"),
    }


def truce_context(
    quantity: Quantity, head_end: int, head_phrase: str, ctx: Context, phases: bool = False
) -> bool:
    """True when a length of time (or a count of phases) belongs to a truce or a deal."""
    truce = _vocab()["truce"]
    text = ctx.text
    following = truce.find(text, head_end, min(head_end + 25, ctx.sentence[1]))
    if following and following[0][0] - head_end <= 5:
        return following[0][2] == "truce_words"  # "six-week break", "two days of talks"
    after = text[head_end : head_end + 12].lower()
    if re.match(r"\s*(?:after|before|ago|later|earlier|since)\b", after):
        return False  # "a day after", "two days ago"
    before = text[max(ctx.sentence[0], quantity.start - 30) : quantity.start].lower()
    if re.search(r"\b(?:ago|in|past|last|within)\s*$", before) and not phases:
        return False  # "in the past 24 hours", "within 72 hours"
    if re.search(r"\d[\d,.]*\s+(?:[a-z]+\s+){1,3}$", before):
        return False  # a rate: "600 trucks a day"
    if (quantity.unit or head_phrase.split()[-1] if head_phrase else "").startswith("hour"):
        return False  # deadlines and clock spans, not truce lengths
    labels = {label for *_, label in truce.find(text, *ctx.sentence)}
    if "truce_words" in labels:
        return True
    if ctx.previous and "not_truce_words" not in labels:
        return _has(truce, "truce_words", text, ctx.previous)
    return False


def status(measure: str, quantity: Quantity, ctx: Context) -> str:
    """Reported fact, or a term demanded, proposed or agreed, from the figure's clause."""
    labels = {label for *_, label in _in_scope(_vocab()["status"], quantity, ctx)}
    if measure in ("duration", "phases"):
        if "past_fact" in labels and "proposed" not in labels:
            return "reported"
        if "agreed" in labels:
            return "agreed"
        return "demanded" if "demanded" in labels and "proposed" not in labels else "proposed"
    if "proposed" in labels:
        return "agreed" if "agreed" in labels else "proposed"
    if "past_fact" in labels:
        return "reported"
    if "agreed" in labels and measure in _RELEASE_MEASURES:
        return "agreed"
    if "demanded" in labels and measure in _RELEASE_MEASURES:
        return "demanded"
    return "reported"


def _in_scope(cues: CueSet, quantity: Quantity, ctx: Context) -> list[tuple[int, int, str]]:
    """Cues before the figure in its sentence, and after it up to a reporting verb.

    "Hamas, which holds 100 hostages, says it will release them" keeps "will" away from 100.
    """
    s_start, s_end = ctx.sentence
    stop = _REPORTING.search(ctx.text, quantity.end, s_end)
    return cues.find(ctx.text, s_start, quantity.start) + cues.find(
        ctx.text, quantity.end, stop.start() if stop else s_end
    )


def scope(measure: str, quantity: Quantity, ctx: Context) -> str | None:
    """Cumulative, incident or period, from the sentence (and the one before for anchors)."""
    if measure in ("duration", "phases"):
        return None
    text = ctx.text
    found = {label for *_, label in _vocab()["scope"].find(text, *ctx.sentence)}
    if "period" in found:
        return "period"
    if measure in _RELEASE_MEASURES and (
        _has(_vocab()["truce"], "truce_words", text, ctx.sentence)
        or (
            not found
            and ctx.previous
            and _has(_vocab()["truce"], "truce_words", text, ctx.previous)
        )
    ):
        return "period"  # released during a truce
    if "cumulative" in found and measure not in _STOCK_MEASURES:
        return "cumulative"
    eventful = measure in ("killed", "injured", "hostages_taken", "missing")
    if "incident" in found and eventful:
        return "incident"
    if measure in load_yaml("scope.yaml").get("default_incident", []):
        return "incident"
    if eventful and not found and ctx.previous and _past_anchor(ctx, ctx.previous):
        return "incident"  # "On October 7th, fighters entered... Around 1,160 were killed."
    return None


def _has(cues: CueSet, label: str, text: str, span: tuple[int, int]) -> bool:
    return any(found == label for *_, found in cues.find(text, *span))


def _past_anchor(ctx: Context, span: tuple[int, int]) -> bool:
    """True if ``span`` names a day well before publication (an event being recounted)."""
    if ctx.published is None:
        return False
    return any(
        m.precision == "day" and m.date < ctx.published - timedelta(days=7)
        for m in resolve_dates(ctx.text, ctx.published, *span)
    )


def as_of(
    measure: str, status: str, scope: str | None, quantity: Quantity, ctx: Context
) -> str | None:
    """The date a reported figure describes: its event's day, or the day of the report."""
    if status != "reported" or measure in ("duration", "phases"):
        return None
    published = ctx.published
    mentions = _dates_outside_since(quantity, ctx)
    if scope in ("cumulative", None):
        recent = [
            m
            for m in mentions
            if m.precision == "day"
            and published
            and published - timedelta(days=7) <= m.date <= published
        ]
        if recent:
            return recent[-1].date.isoformat()
        if scope is None and mentions and measure not in _STOCK_MEASURES | {"displaced"}:
            return _day(min(mentions, key=lambda m: abs(m.start - quantity.start)))
        return published.isoformat() if published else None
    if mentions:
        return _day(min(mentions, key=lambda m: abs(m.start - quantity.start)))
    if ctx.previous:
        earlier = resolve_dates(ctx.text, published, *ctx.previous)
        if earlier:
            return _day(earlier[-1])
    return None


def _day(mention: DateMention) -> str | None:
    return mention.date.isoformat() if mention.precision == "day" else None


def _dates_outside_since(quantity: Quantity, ctx: Context) -> list[DateMention]:
    """Date mentions of the sentence, less those that open a running total ("since ...")."""
    text = ctx.text
    return [
        m
        for m in resolve_dates(text, ctx.published, *ctx.sentence)
        if not re.search(
            r"\b(?:since|from)\s+(?:the\s+)?$", text[max(0, m.start - 12) : m.start], re.I
        )
    ]
