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
from briefing.dates import MONTH_WORD, DateMention, resolve_dates
from briefing.numbers import Quantity
from briefing.vocab import first_letter_parts, first_letters, load_yaml, phrase_pattern

# Word lists open with their first letters (vocab.first_letters): the same matches as
# \b(?:word|...)\b with re.IGNORECASE, found quicker (tests/test_quick.py).
_REPORTING = re.compile(
    first_letters(
        ["says", "said", "say", "told", "according to", "reported", "insists", "warned"], space=" "
    )
    + r"\b"
)
_RELEASE_MEASURES = {"hostages_released", "prisoners_released", "remains_returned"}
_TERM_MEASURES = _RELEASE_MEASURES | {"duration", "phases", "aid_trucks"}
_DEAL_ORDER = (
    ("agreed", "agreed"),
    ("proposed", "proposed"),
    ("agreed_nouns", "agreed"),
    ("demanded", "demanded"),
)
_STOCK_MEASURES = {"hostages_held", "hostages_alive", "hostages_dead", "missing", "displaced"}


@dataclass(frozen=True, slots=True)
class Context:
    """A figure's surroundings: the text, publication date, its sentence and the one before.

    ``deal`` is the kind of deal (agreed, proposed, demanded) the text last spoke of.
    """

    text: str
    published: date | None
    sentence: tuple[int, int]
    previous: tuple[int, int] | None
    deal: str | None = None


@functools.cache
def _vocab() -> dict[str, CueSet]:
    return {
        "truce": cue_set("measures.yaml", "truce_words", "not_truce_words"),
        "status": cue_set(
            "status.yaml",
            "past_fact",
            "in_force",
            "agreed",
            "proposed",
            "agreed_nouns",
            "demanded",
            "term",
        ),
        "scope": cue_set("scope.yaml", "period", "cumulative", "incident"),
    }


_PEOPLE_HANDED = re.compile(
    r"\b(?:hostages?|captives?|prisoners?|detainees?|bodies|remains|people|Israelis|"
    r"Palestinians)\b"
)


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
    before = text[max(ctx.sentence[0], quantity.start - 40) : quantity.start].lower()
    if re.search(r"\b(?:ago|in|past|the\s+last|within)\s*$", before) and not phases:
        return False  # "in the past 24 hours", "within 72 hours"
    rate = re.search(r"\d[\d,.]*\s+(?:[a-z]+\s+){0,4}$", before)
    # The number may be a day of a date, written either way round: "began on 19 January and
    # lasts 42 days", "began on January 19 and lasted 42 days".
    if (
        rate
        # "10 hostages and 18 bodies in two stages": people handed over in stages, no rate
        and not (phases and _PEOPLE_HANDED.search(rate.group()))
        and not MONTH_WORD.search(before, max(0, rate.start() - 10), rate.end())
    ):
        return False  # a rate: "600 trucks a day", "2,000 bombs in two phases"
    if (quantity.unit or head_phrase.split()[-1] if head_phrase else "").startswith("hour"):
        return False  # deadlines and clock spans, not truce lengths
    labels = {label for *_, label in truce.find(text, *ctx.sentence)}
    if "truce_words" in labels:
        return True
    if ctx.previous and "not_truce_words" not in labels:
        return _has(truce, "truce_words", text, ctx.previous)
    return False


def status(measure: str, quantity: Quantity, ctx: Context) -> str:
    """Reported fact, or a term demanded, proposed or agreed.

    Only terms of a deal (releases, trucks, truce lengths, phases) can be anything but
    reported. The cue nearest the figure says whether it happened or is a term; the deal
    words of the sentence (or, failing them, of the deal last spoken of) say whose term.
    """
    if measure not in _TERM_MEASURES:
        return "reported"
    cues = _status_cues(quantity, ctx)
    labels = {label for *_, label in cues}
    if measure in ("duration", "phases"):
        if _elapsed(quantity, ctx):
            return "reported"  # "a pause that had held for seven days"
        if "in_force" in labels:
            return "agreed"  # "a four-day truce came into force"
    nearest = min(cues, key=lambda c: _distance(c, quantity), default=None)
    if nearest is None:
        return "reported" if measure not in ("duration", "phases") else _deal(set(), ctx)
    if nearest[2] in ("past_fact", "in_force"):
        return "reported"
    return _deal(labels, ctx)


def _deal(labels: set[str], ctx: Context) -> str:
    """Whose term: from the sentence's deal words, the sentence before, or the last term."""
    before = set()
    if ctx.previous:
        before = {label for *_, label in _vocab()["status"].find(ctx.text, *ctx.previous)}
    for found in (labels, before):
        for label, outcome in _DEAL_ORDER:
            if label in found:
                return outcome
    return ctx.deal or "proposed"


def _status_cues(quantity: Quantity, ctx: Context) -> list[tuple[int, int, str]]:
    """Status cues of the figure's clause, less participles that state no fact."""
    cues = _in_scope(_vocab()["status"], quantity, ctx)
    text = ctx.text
    has_term = any(label in ("term", "proposed") for *_, label in cues)
    kept = []
    for start, end, label in cues:
        word_before = re.search(r"(\w+)\W*$", text[max(0, start - 20) : start])
        before = word_before.group(1).lower() if word_before else ""
        participle = label == "past_fact" and " " not in text[start:end].strip()
        if participle and (before == "be" or (has_term and _counted_noun(before))):
            continue  # "are to be released", "for every ten hostages released"
        kept.append((start, end, label))
    return kept


def _counted_noun(word: str) -> bool:
    return cue_set("measures.yaml", "heads").label(word) is not None


def _distance(cue: tuple[int, int, str], quantity: Quantity) -> int:
    start, end, _ = cue
    return quantity.start - end if end <= quantity.start else start - quantity.end


def _elapsed(quantity: Quantity, ctx: Context) -> bool:
    """True when a length of time has passed ("held for seven days", "after a week")."""
    before = ctx.text[max(ctx.sentence[0], quantity.start - 30) : quantity.start]
    return bool(_elapsed_pattern().search(before))


@functools.cache
def _elapsed_pattern() -> re.Pattern[str]:
    phrases = load_yaml("status.yaml")["elapsed"]
    return re.compile(rf"\b(?:{phrase_pattern(phrases)})\s*$", re.I)


def _in_scope(cues: CueSet, quantity: Quantity, ctx: Context) -> list[tuple[int, int, str]]:
    """Cues before the figure in its sentence, and after it up to a reporting verb.

    "Hamas, which holds 100 hostages, says it will release them" keeps "will" away from 100.
    """
    s_start, s_end = ctx.sentence
    stop = _REPORTING.search(ctx.text, quantity.end, s_end)
    return cues.find(ctx.text, s_start, quantity.start) + cues.find(
        ctx.text, quantity.end, stop.start() if stop else s_end
    )


def scope(
    measure: str, quantity: Quantity, ctx: Context, figure_status: str = "reported"
) -> str | None:
    """Cumulative, incident or period, from the figure's clause, its sentence and the one before.

    Terms of a deal have no scope unless they name their day ("eight hostages today"); a
    daily number of trucks is a period's count.
    """
    if measure in ("duration", "phases"):
        return None
    if measure == "aid_trucks":
        return "period"
    clause = local_clause(quantity, ctx)
    if figure_status != "reported":
        after = (quantity.end, min(clause[1], quantity.end + 40))
        return "incident" if measure in _RELEASE_MEASURES and _day_anchor(ctx, after) else None
    anchor = relative_anchor(quantity, ctx)
    if anchor and (_cues(ctx, anchor) & {"incident"} or _day_anchor(ctx, anchor)):
        return "incident"  # "the attack of October 7, in which 1,200 were killed"
    since = _since(ctx, clause)
    found = _cues(ctx, clause) or _cues(ctx, ctx.sentence)
    if "period" in found or since == "period":
        return "period"
    if measure in _RELEASE_MEASURES:
        return _release_scope(ctx, clause)
    if measure in _STOCK_MEASURES:
        return None
    if since == "cumulative" or "cumulative" in found:
        return "cumulative"
    if "incident" in found or _day_anchor(ctx, clause):
        return "incident"
    if measure in load_yaml("scope.yaml").get("default_incident", []):
        return "incident"
    if _PERFECT.search(ctx.text, clause[0], clause[1]):
        return "cumulative"  # "170,000 have been wounded": a running total
    if not found and ctx.previous and _past_anchor(ctx, ctx.previous):
        return "incident"  # "On October 7th, fighters entered... Around 1,160 were killed."
    return None


def _release_scope(ctx: Context, clause: tuple[int, int]) -> str:
    """One handover, unless a running total or a truce around it makes it a period's count."""
    text = ctx.text
    if _scope_list("running_total").search(text, *ctx.sentence):
        return "cumulative"
    if _day_anchor(ctx, clause):
        return "incident"  # "On Monday, 11 Israelis were freed"
    truce = _vocab()["truce"]
    if _has(truce, "truce_words", text, ctx.sentence) and not _headline(ctx):
        return "period"  # released during a truce
    if (
        ctx.previous
        and _has(truce, "truce_words", text, ctx.previous)
        and not _cues(ctx, ctx.sentence)
    ):
        return "period"  # "During a first ceasefire, ... In return, Israel released 240"
    return "incident"


def _headline(ctx: Context) -> bool:
    return ctx.previous is None


_PERFECT = re.compile(r"\b(?:have|has)\s+(?:been\s+|now\s+)?(?:killed|wounded|injured|died)\b")
# Punctuation, a spaced hyphen, a comma before a relative or reported clause, or "in which",
# "when", "while"... as whole words. One set of first characters opens it so the engine skips
# to them; the same matches as the plain alternation with re.IGNORECASE (tests/test_quick.py).
_BREAK_WORDS = first_letter_parts(
    ["in which", "during which", "when", "while", "whereas"], space=" "
)
_CLAUSE_BREAK = re.compile(
    rf"[;:–—,\s{_BREAK_WORDS[0]}](?:(?<=[;:–—])|(?<=\s)-\s"
    r"|(?<=,)\s*(?=(?i:(?:which|who|whose|where|while|whereas|but|according|the\s+\w+"
    r"(?:\s+\w+)?\s+(?:said|says)|and\s+that)\b|(?!(?i:including)\b[^,;.]{1,60},)\w+ing\b))"
    rf"|(?<!\w.)(?i:{_BREAK_WORDS[1]})\b)"
)
_RELATIVE = re.compile(
    first_letters(["in which", "during which", "when", "whereby"], space=" ") + r"\b"
)


def local_clause(quantity: Quantity, ctx: Context) -> tuple[int, int]:
    """The span of the clause holding a figure, cut at semicolons, dashes and relative clauses."""
    s_start, s_end = ctx.sentence
    start = s_start
    for brk in _CLAUSE_BREAK.finditer(ctx.text, s_start, quantity.start):
        start = brk.end() if not _RELATIVE.fullmatch(brk.group()) else brk.start()
    after = _CLAUSE_BREAK.search(ctx.text, quantity.end, s_end)
    return start, after.start() if after else s_end


def relative_anchor(quantity: Quantity, ctx: Context) -> tuple[int, int] | None:
    """The words a relative clause holding the figure hangs on, or None in a main clause.

    In "the attack of October 7, in which 1,200 were killed" they are "the attack of
    October 7," and settle the figure's scope and date.
    """
    s_start = ctx.sentence[0]
    markers = list(_RELATIVE.finditer(ctx.text, s_start, quantity.start))
    if not markers or re.search(r",\s|[;:–—]", ctx.text[markers[-1].end() : quantity.start]):
        return None
    marker = markers[-1]
    start = max(s_start, marker.start() - 45)
    cut = max(ctx.text.rfind(c, start, marker.start()) for c in ";:–—(")
    return (cut + 1 if cut >= 0 else start), marker.start()


def _cues(ctx: Context, span: tuple[int, int]) -> set[str]:
    """Scope labels of the cues in ``span``, less "a day" in "a day after"."""
    text = ctx.text
    return {
        label
        for start, end, label in _vocab()["scope"].find(text, *span)
        if not re.match(r"\s+(?:after|before|later|earlier|ago)\b", text[end : end + 10])
    }


def _day_anchor(ctx: Context, span: tuple[int, int]) -> bool:
    """True if ``span`` names the day of what it reports ("on Monday", "October 7")."""
    if ctx.published is None:
        return False
    return any(
        m.precision == "day" and not _after_since(ctx.text, m.start)
        for m in resolve_dates(ctx.text, ctx.published, *span)
    )


def _after_since(text: str, position: int) -> bool:
    return bool(
        re.search(r"\b(?:since|from)\s+(?:the\s+)?$", text[max(0, position - 12) : position])
    )


def _since(ctx: Context, span: tuple[int, int]) -> str | None:
    """Read "since X": cumulative from the start of the war, a period's count from later."""
    text = ctx.text
    match = re.search(r"\bsince\b", text[span[0] : span[1]], re.I)
    if match is None:
        return None
    at = span[0] + match.end()
    if _scope_list("war_start", anchored=True).match(text, at, span[1]):
        return "cumulative"
    if re.match(r"\s+(?:then\b|been\b|\w+ed\b)", text[at : at + 20], re.I):  # "has since killed"
        before = resolve_dates(text, ctx.published, ctx.sentence[0], at)
        if not before and ctx.previous:
            before = resolve_dates(text, ctx.published, *ctx.previous)
        mention = before[-1] if before else None
    else:
        following = resolve_dates(text, ctx.published, at, min(at + 30, span[1]))
        mention = following[0] if following else None
        if mention is None:
            return "period"  # "since the fighting resumed"
    if mention is None or ctx.published is None:
        return "cumulative"
    recent = timedelta(days=int(load_yaml("scope.yaml").get("recent_days", 60)))
    return "period" if ctx.published - mention.date < recent else "cumulative"


@functools.cache
def _scope_list(key: str, anchored: bool = False) -> re.Pattern[str]:
    phrases = load_yaml("scope.yaml")[key]
    lead = r"\s+(?:the\s+)?" if anchored else r"\b"
    return re.compile(rf"{lead}(?:{phrase_pattern(phrases)})\b", re.I)


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
    """The date a figure describes: its event's day, or the day of the report.

    Terms have none unless they name the day of their release ("eight hostages today").
    """
    if measure in ("duration", "phases") or (status != "reported" and scope != "incident"):
        return None
    published = ctx.published
    anchor = relative_anchor(quantity, ctx)
    if anchor:
        dated = [m for m in resolve_dates(ctx.text, published, *anchor) if m.precision == "day"]
        if dated:
            return _day(dated[-1])  # "the attack of October 7, in which 1,200 were killed"
    clause = local_clause(quantity, ctx)
    if scope in ("period", "cumulative") and _scope_list("up_to_now").search(ctx.text, *clause):
        return published.isoformat() if published else None  # "in the past 24 hours"
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
    return list(_sentence_dates_outside_since(ctx.text, ctx.published, ctx.sentence))


_SINCE_BEFORE = re.compile(r"\b(?:since|from)\s+(?:the\s+)?$", re.I)


@functools.lru_cache(maxsize=4)
def _sentence_dates_outside_since(
    text: str, published: date | None, sentence: tuple[int, int]
) -> tuple[DateMention, ...]:
    """Read once per sentence, however many figures it holds."""
    return tuple(
        m
        for m in resolve_dates(text, published, *sentence)
        if not _SINCE_BEFORE.search(text[max(0, m.start - 12) : m.start])
    )
