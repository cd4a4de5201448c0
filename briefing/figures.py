"""A quantity in its sentence → a figure record: measure, group, status, scope, attribution.

The measure comes from the noun the number counts (its head) and from the cue words of its
clause, so "killed 1,200 people and took 253 hostages" gives two measures and "29 of whom have
died" inherits "hostages" from its antecedent. Vocabularies live in ``data/cues``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from briefing.cues import CueSet, cue_set
from briefing.dates import DateMention, resolve_dates
from briefing.numbers import Quantity, find_quantities, unit_days
from briefing.records import FigureRecord
from briefing.vocab import load_yaml

SourceResolver = Callable[[str], "str | None"]
"""Maps a source phrase ("the enclave's Ministry of Health") to a canonical actor name."""

_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-zÀ-ÿ][\w’'-]*)|(?P<other>\S))")
_STOP_WORDS = set(
    "in on at from to for by with since during under after before into across who which that "
    "whom whose have has had are were was is be been being will would could should may might "
    "remain remains remained still each per a an the this these those than as while but said "
    "says reported according".split()
)
_ANAPHORS = {"whom", "them", "those", "these", "which"}
_STRONG_BREAK = re.compile(r"[;:—–]|\s-\s|\b(?:while|whereas|but|although)\b")
_COORDINATION = re.compile(r"^[\s,]*(?:(?:[\w’'-]+\s+){0,4}?)(?:and|as well as|plus|,)\s*$", re.I)
_PLACE_ISRAEL = re.compile(r"\b(?:in (?:southern |northern )?Israel|Israeli side|Israelis?)\b")
_PLACE_GAZA = re.compile(r"\b(?:in (?:the )?Gaza(?: Strip)?|Palestinian territory|enclave)\b", re.I)
_ADJACENT = re.compile(r"\s*(?:(?:the|of|a|an|some|all|another|a further|an additional)\s+)*", re.I)
_REPORTING = re.compile(r"\b(?:says|said|say|told|according to|reported|insists|warned)\b", re.I)
_RELEASE_MEASURES = {"hostages_released", "prisoners_released", "remains_returned"}
_STOCK_MEASURES = {"hostages_held", "hostages_alive", "hostages_dead", "missing"}
_MEASURE_UNITS = {"duration": "days", "phases": "count", "aid_trucks": "trucks"}


@dataclass(slots=True)
class _Head:
    """The noun phrase a quantity counts."""

    cls: str | None
    end: int
    phrase: str
    modifiers: set[str] = field(default_factory=set)
    anaphor: bool = False


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    published: date | None
    sentence: tuple[int, int]
    previous: tuple[int, int] | None


def extract_figures(
    article_id: str,
    text: str,
    sentences: list[tuple[int, int]],
    published: date | None,
    resolve_source: SourceResolver | None = None,
) -> list[FigureRecord]:
    """Return the figure records of one article's cleaned text.

    ``sentences`` are the sentence spans of ``text``; ``resolve_source`` turns a source
    phrase into a canonical actor name (the gazetteer's), or None to keep the phrase.
    """
    figures: list[FigureRecord] = []
    previous: tuple[int, int] | None = None
    for sentence in sentences:
        context = _Context(text, published, sentence, previous)
        figures.extend(_sentence_figures(article_id, context, resolve_source))
        previous = sentence
    return figures


def _sentence_figures(
    article_id: str,
    ctx: _Context,
    resolve_source: SourceResolver | None,
) -> list[FigureRecord]:
    text = ctx.text
    s_start, s_end = ctx.sentence
    quantities = find_quantities(text, s_start, s_end)
    out: list[FigureRecord] = []
    heads: list[_Head] = []
    verbs: list[str | None] = []
    for index, quantity in enumerate(quantities):
        head = _find_head(text, quantity, s_end)
        if head.anaphor and heads:
            antecedent = heads[-1]
            head = _Head(antecedent.cls, head.end, antecedent.phrase, antecedent.modifiers | head.modifiers)
        prev_end = quantities[index - 1].end if index else s_start
        next_start = quantities[index + 1].start if index + 1 < len(quantities) else s_end
        verb = _clause_verb(text, quantity, head, prev_end, next_start, s_start, s_end)
        if verb is None and index and verbs[-1] and _COORDINATION.match(text[heads[-1].end : quantity.start]):
            verb = verbs[-1]  # "released 105 hostages and 240 Palestinians"
        heads.append(head)
        verbs.append(verb)
        measure = _measure(head, verb, quantity, ctx)
        if measure is None:
            continue
        low, high = quantity.low, quantity.high
        if measure == "duration":
            days = unit_days(quantity.unit or head.phrase.split()[-1])
            if days is None:
                continue
            low, high = round(low * days, 4), round(high * days, 4)
            if low < 1:
                continue
        status = _status(measure, quantity, ctx)
        scope = _scope(measure, quantity, ctx)
        as_of = _as_of(measure, status, scope, quantity, ctx)
        end = head.end if head.cls in ("time", "phase") else quantity.end
        out.append(
            FigureRecord(
                article=article_id,
                measure=measure,
                low=_number(low),
                high=_number(high),
                qualifier=quantity.qualifier,
                unit=_MEASURE_UNITS.get(measure, "people"),
                group=_group(measure, head, quantity, ctx),
                status=status,
                scope=scope,
                attribution=_attribution(quantity, ctx, resolve_source),
                as_of=as_of,
                text=text[quantity.start : end],
                start=quantity.start,
                end=end,
                sentence=text[s_start:s_end],
                sentence_start=s_start,
            )
        )
    return out


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@functools.cache
def _vocab() -> dict[str, CueSet]:
    return {
        "heads": cue_set("measures.yaml", "heads"),
        "modifiers": cue_set("measures.yaml", "modifiers"),
        "verbs": cue_set("measures.yaml", "verbs"),
        "truce": cue_set("measures.yaml", "truce_words", "not_truce_words"),
        "status": cue_set("status.yaml", "past_fact", "agreed", "proposed", "demanded"),
        "scope": cue_set("scope.yaml", "period", "cumulative", "incident"),
    }


def _find_head(text: str, quantity: Quantity, limit: int) -> _Head:
    """Find the noun a quantity counts: the last head word of the phrase after it."""
    vocab = _vocab()
    if quantity.unit:
        return _Head("phase" if quantity.unit in ("phase", "stage") else "time", quantity.end, quantity.unit)
    position, best, modifiers, words = quantity.end, None, set(), 0
    best_end = quantity.end
    while words < 7:
        match = _TOKEN.match(text, position, limit)
        if match is None or match["word"] is None:
            if match is not None and match["other"] == "-":
                position = match.end()
                continue
            break
        word = match["word"]
        lower = word.lower()
        if lower == "of":
            after = _TOKEN.match(text, match.end(), limit)
            if best is None and after and after["word"] and after["word"].lower() in _ANAPHORS:
                return _Head(None, after.end(), "", modifiers, anaphor=True)
            if best is None and after and after["word"] and after["word"].lower() in ("the", "their"):
                position = after.end()
                words += 1
                continue
            if best is None and words == 0:
                position = match.end()  # "hundreds of displaced Palestinians"
                words += 1
                continue
            break
        if lower in _STOP_WORDS and not (best is None and lower in ("a",)):
            break
        label = vocab["heads"].label(word)
        modifier = vocab["modifiers"].label(word)
        if modifier:
            modifiers.add(modifier)
        if label:
            best, best_end = label, match.end()
        position = match.end()
        words += 1
    phrase = text[quantity.num_end : best_end].strip(" -") if best else ""
    phrase = re.sub(r"^of\s+", "", phrase)
    if best is None and modifiers:
        # "more than a million displaced" with no noun: the modifier is the head
        best = next(iter(modifiers))
    return _Head(best, best_end, phrase, modifiers)


def _clause_verb(
    text: str, quantity: Quantity, head: _Head, prev_end: int, next_start: int, s_start: int, s_end: int
) -> str | None:
    """Return the verb class nearest the quantity in its clause, preferring a governing verb."""
    cues = _vocab()["verbs"]
    left_start = max(prev_end, s_start)
    for brk in _STRONG_BREAK.finditer(text, left_start, quantity.start):
        left_start = brk.end()
    right_end = next_start
    found = _STRONG_BREAK.search(text, head.end, right_end)
    if found:
        right_end = found.start()
    left = cues.find(text, left_start, quantity.start)
    if left and _ADJACENT.fullmatch(text, left[-1][1], quantity.start):
        return left[-1][2]  # "killed 1,200", "still holds more than 100", "release of 105"
    right = cues.find(text, max(head.end, quantity.end), right_end)
    if right:
        return right[0][2]
    return left[-1][2] if left else None


def _measure(head: _Head, verb: str | None, quantity: Quantity, ctx: _Context) -> str | None:
    cls, mods = head.cls, head.modifiers
    if cls == "hostage" or (cls == "person" and "hostage" in mods):
        if "death" in mods or verb == "killed":
            return "hostages_dead"
        if "alive" in mods or verb == "alive":
            return "hostages_alive"
        return {
            "released": "hostages_released",
            "taken": "hostages_taken",
            "held": "hostages_held",
        }.get(verb or "", "hostages_taken" if cls == "person" else "hostages_held")
    if cls == "prisoner" or (cls == "person" and "prisoner" in mods):
        release = verb == "released" or _vocab()["verbs"].any(ctx.text, *ctx.sentence) and any(
            label == "released" for *_, label in _vocab()["verbs"].find(ctx.text, *ctx.sentence)
        )
        return "prisoners_released" if release else None
    if cls == "death":
        return "hostages_dead" if "hostage" in mods else "killed"
    if cls == "injury":
        return "injured"
    if cls == "body":
        return "remains_returned" if verb in ("released", None) else None
    if cls == "displaced":
        return "displaced"
    if cls == "truck":
        return "aid_trucks"
    if cls == "time":
        return "duration" if _truce_context(quantity, head, ctx) else None
    if cls == "phase":
        return "phases" if quantity.low >= 2 and quantity.low == quantity.high and _truce_context(
            quantity, head, ctx, phases=True
        ) else None
    if cls == "person":
        return _person_measure(head, verb, quantity, ctx)
    return None


def _person_measure(head: _Head, verb: str | None, quantity: Quantity, ctx: _Context) -> str | None:
    mods = head.modifiers
    for modifier, measure in (("displaced", "displaced"), ("death", "killed"), ("injury", "injured"),
                              ("missing", "missing")):
        if modifier in mods:
            return measure
    if verb == "released":
        palestinian = re.search(r"Palestinian|prisoner|detainee", head.phrase + " " + ctx.text[slice(*ctx.sentence)])
        hostage = re.search(r"hostage|captive|abduct", ctx.text[slice(*ctx.sentence)], re.I)
        if hostage and not re.search(r"Palestinian", head.phrase):
            return "hostages_released"
        return "prisoners_released" if palestinian else "hostages_released"
    return {
        "killed": "killed",
        "injured": "injured",
        "taken": "hostages_taken",
        "displaced": "displaced",
        "missing": "missing",
    }.get(verb or "")


def _truce_context(quantity: Quantity, head: _Head, ctx: _Context, phases: bool = False) -> bool:
    """True when a length of time (or a count of phases) belongs to a truce or a deal."""
    truce = _vocab()["truce"]
    text = ctx.text
    following = truce.find(text, head.end, min(head.end + 25, ctx.sentence[1]))
    if following and following[0][0] - head.end <= 2:
        return following[0][2] == "truce_words"
    before = text[max(ctx.sentence[0], quantity.start - 12) : quantity.start].lower()
    if re.search(r"\b(?:ago|for|in|past|last|within|after)\s*$", before) and not phases:
        return False  # "for weeks", "in the past 24 hours", "two days ago"
    if (quantity.unit or head.phrase.split()[-1]).startswith("hour"):
        return False  # deadlines and clock spans, not truce lengths
    labels = {label for *_, label in truce.find(text, *ctx.sentence)}
    if "truce_words" in labels:
        return True
    if ctx.previous and "not_truce_words" not in labels:
        return truce.any(text, *ctx.previous) and any(
            label == "truce_words" for *_, label in truce.find(text, *ctx.previous)
        )
    return False


def _status(measure: str, quantity: Quantity, ctx: _Context) -> str:
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


def _in_scope(cues: CueSet, quantity: Quantity, ctx: _Context) -> list[tuple[int, int, str]]:
    """Cues before the figure in its sentence, and after it up to a reporting verb.

    "Hamas, which holds 100 hostages, says it will release them" keeps "will" away from 100.
    """
    s_start, s_end = ctx.sentence
    stop = _REPORTING.search(ctx.text, quantity.end, s_end)
    return cues.find(ctx.text, s_start, quantity.start) + cues.find(
        ctx.text, quantity.end, stop.start() if stop else s_end
    )


def _scope(measure: str, quantity: Quantity, ctx: _Context) -> str | None:
    """Cumulative, incident or period, from the sentence (and the one before for anchors)."""
    if measure in ("duration", "phases"):
        return None
    text = ctx.text
    found = {label for *_, label in _vocab()["scope"].find(text, *ctx.sentence)}
    if "period" in found:
        return "period"
    if measure in _RELEASE_MEASURES and (
        _has(_vocab()["truce"], "truce_words", text, ctx.sentence)
        or not found and ctx.previous and _has(_vocab()["truce"], "truce_words", text, ctx.previous)
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


def _past_anchor(ctx: _Context, span: tuple[int, int]) -> bool:
    """True if ``span`` names a day well before publication (an event being recounted)."""
    if ctx.published is None:
        return False
    return any(
        m.precision == "day" and m.date < ctx.published - timedelta(days=7)
        for m in resolve_dates(ctx.text, ctx.published, *span)
    )


def _as_of(measure: str, status: str, scope: str | None, quantity: Quantity, ctx: _Context) -> str | None:
    """The date a reported figure describes: its event's day, or the day of the report."""
    if status != "reported" or measure in ("duration", "phases"):
        return None
    published = ctx.published
    mentions = _dates_outside_since(quantity, ctx)
    if scope in ("cumulative", None):
        recent = [
            m for m in mentions
            if m.precision == "day" and published and published - timedelta(days=7) <= m.date <= published
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


def _dates_outside_since(quantity: Quantity, ctx: _Context) -> list[DateMention]:
    """Date mentions of the sentence, less those that open a running total ("since ...")."""
    text = ctx.text
    return [
        m for m in resolve_dates(text, ctx.published, *ctx.sentence)
        if not re.search(r"\b(?:since|from)\s+(?:the\s+)?$", text[max(0, m.start - 12) : m.start], re.I)
    ]


def _group(measure: str, head: _Head, quantity: Quantity, ctx: _Context) -> str | None:
    if measure in ("duration", "phases"):
        found = _vocab()["truce"].find(ctx.text, head.end, min(head.end + 25, ctx.sentence[1]))
        if found and found[0][2] == "truce_words" and found[0][0] - head.end <= 2:
            return ctx.text[found[0][0] : found[0][1]].lower()
        return None
    phrase = re.sub(r"\s+", " ", head.phrase).strip(" ,")
    if not phrase or phrase.lower() in ("of whom", "of them"):
        phrase = {"hostage": "hostages", "prisoner": "prisoners"}.get(head.cls or "", "people")
    if phrase.lower() in ("people", "persons", "deaths", "dead", "fatalities"):
        clause = ctx.text[quantity.start : ctx.sentence[1]]
        before = ctx.text[ctx.sentence[0] : quantity.start]
        if _PLACE_ISRAEL.search(clause[:80]) or re.search(r"October 7|Hamas attack", before):
            return "people in Israel"
        if _PLACE_GAZA.search(clause[:80]) or re.search(r"Gaza|Palestinian", before):
            return "people in Gaza"
    return phrase


def _attribution(quantity: Quantity, ctx: _Context, resolve_source: SourceResolver | None) -> str | None:
    phrase = find_source(ctx.text, ctx.sentence, quantity.start)
    if phrase is None:
        return None
    keep = load_yaml("attribution.yaml")["keep_as_written"]
    cleaned = re.sub(r"^(?:the|an?|its|their)\s+", "", phrase.strip(" ,.;:"), flags=re.I)
    if resolve_source and not any(re.search(rf"\b{re.escape(k)}\b", cleaned, re.I) for k in keep if " " in k):
        name = resolve_source(cleaned)
        if name:
            return name
    if resolve_source and any(re.search(rf"\b{re.escape(k)}\b", cleaned, re.I) for k in keep):
        return cleaned
    return cleaned or None


@functools.cache
def _attribution_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from briefing.vocab import phrase_pattern

    data = load_yaml("attribution.yaml")
    before = re.compile(
        rf"\b(?:{phrase_pattern(data['before'])})\s+(?P<src>[^,;.()“”\"]+?)(?=\s*(?:[,;.()“”\"]|$|\s+(?:that|which|who|show|shows)\b))",
        re.I,
    )
    verbs = phrase_pattern(data["verbs"])
    subject = re.compile(
        rf"(?:^|[,;“”\"]\s*|\b(?:and|but)\s+)(?P<src>(?:[\w’'-]+\s+){{0,7}}?[\w’'-]+)\s+(?:also\s+|has\s+|have\s+|had\s+)?(?:{verbs})\b",
        re.I,
    )
    inverted = re.compile(rf"\b(?:{verbs})\s+(?P<src>the\s+[\w’' -]{{3,60}}?)(?=\s*[,.;]|$)", re.I)
    return before, subject, inverted


_NOT_SOURCES = re.compile(
    r"^(?:he|she|it|they|we|i|you|this|that|which|who|and|but|also|there|one|official|officials"
    r"|sources?|media|reports?|police|witnesses|the source)$",
    re.I,
)


def find_source(text: str, sentence: tuple[int, int], position: int) -> str | None:
    """Return the phrase that the sentence gives as the source of a figure at ``position``."""
    before, subject, inverted = _attribution_patterns()
    s_start, s_end = sentence
    candidates: list[tuple[int, str]] = []
    for match in before.finditer(text, s_start, s_end):
        candidates.append((abs(match.start() - position), match["src"]))
    for match in subject.finditer(text, s_start, s_end):
        src = match["src"].strip()
        if _NOT_SOURCES.match(src) or re.search(r"\d", src) or src.split()[-1].lower() in (
            "hostages", "people", "palestinians", "prisoners"
        ):
            continue
        if src[0].islower() and not re.match(r"(?:the|an?)\s", src, re.I) and not src.startswith("per"):
            continue
        candidates.append((abs(match.start("src") - position), src))
    for match in inverted.finditer(text, s_start, s_end):
        candidates.append((abs(match.start() - position), match["src"]))
    possessive = re.compile(
        r"\b(?P<src>(?:an?\s+|the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)(?:’s?|'s?)?\s+(?:latest\s+|own\s+|official\s+)?"
        r"(?:count|tally|figures|estimate|data|toll)\b"
    )
    for match in possessive.finditer(text, s_start, s_end):
        if not any(abs(p - match.start()) < 40 for p, _ in [(abs(c[0]), c[1]) for c in candidates]):
            candidates.append((abs(match.start() - position), match["src"]))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]
