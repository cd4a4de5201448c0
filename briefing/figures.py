"""A quantity in its sentence → a figure record: measure, group, status, scope, attribution.

The measure comes from the noun the number counts (its head) and from the cue words of its
clause, so "killed 1,200 people and took 253 hostages" gives two measures; "29 of whom have
died" takes "hostages" from its antecedent; "105 hostages were freed – 81 Israelis and 24
foreign nationals" carries the measure to the parts of a list. Vocabularies live in
``data/cues/measures.yaml``; status, scope and as-of are in :mod:`briefing.framing`,
attribution in :mod:`briefing.attribution`.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace
from datetime import date

from briefing.attribution import SourceResolver, SourceTrail, attribution, is_document
from briefing.cues import CueSet, SpanIndex, cue_index, cue_set, pattern_index
from briefing.framing import Context, as_of, relative_anchor, scope, status, truce_context
from briefing.heads import Carry, Head, resolve_heads
from briefing.numbers import Quantity, find_quantities, unit_days
from briefing.records import FigureRecord
from briefing.vocab import load_yaml

_BETWEEN_CLAUSES = re.compile(r"[,;]\s+(?:and|but|while)\b")
_AMONG = re.compile(r",\s*(?i:among\s+them|among\s+whom|including)\s+\Z")
_INCLUSION = re.compile(
    r"(?:\b(?:including|among\s+them|among\s+whom|of\s+whom|such\s+as|instead\s+of\s+the|"
    r"instead\s+of|rather\s+than|compared\s+with|up\s+from|down\s+from)|[–—:])\s*$",
    re.I,
)
_STILL = re.compile(r"\s+(?:\w+\s+){0,2}?(?:are|is|were|remain|remained)\s+still\b|\s+still\b")
# A semicolon, colon or dash, a spaced hyphen, or "while", "but"... as whole words (case as
# written); one set of first characters opens it so the engine skips to them.
_STRONG_BREAK = re.compile(
    r"[;:—–\swba](?:(?<=[;:—–])|(?<=\s)-\s"
    r"|(?<!\w.)(?:(?<=w)(?:hile|hereas)|(?<=b)ut|(?<=a)lthough)\b)"
)
_COORDINATION = re.compile(r"^[\s,]*(?:(?:[\w’'-]+\s+){0,4}?)(?:and|as well as|plus|,)\s*$", re.I)
_RELATIVE_PRONOUN = re.compile(r"\s+(?i:who|that|which)(?:\s+(?i:were|was|are|is|had|have))?\s+")
"""Between a head and the verb of its relative clause: "hostages who were taken"."""
_OF_THE = re.compile(r"\s*(?i:of)\s+(?:the\s+)?")
"""Before the whole of a partitive that opens its clause: "Of the 48 hostages still held, ..."."""
_STILL_HELD = re.compile(r"\s+(?:still\s+)?(?:being\s+)?held\Z", re.I)
"""Between a head and its participle: "hostages still held", "hostages held"."""
_FOR_A_TRUCE = re.compile(
    r"\s+(?:for|against|during|in\s+exchange\s+for|in\s+return\s+for)\s+(?:\S+\s+){0,4}?"
    r"(?:truce|ceasefire|pause|prisoners|detainees)\b",
    re.I,
)
_LIST_OPENS = re.compile(r"\s*[,:]\s*")
_LIST_CLOSES = re.compile(
    r",\s+(?:(?:have|has|had|were|was|are|is|been|being|all|now|already)\s+){0,3}", re.I
)
_ADJACENT = re.compile(
    r"\s*(?:(?:the|of|a|an|some|all|another|only|just|a further|an additional|the last)\s+)*", re.I
)
_PLACE_ISRAEL = re.compile(
    r"\b(?:in (?:southern |northern )?Israel|Israeli side|entered Israel|inside Israel)\b"
)
_PLACE_GAZA = re.compile(r"\b(?:in (?:the )?Gaza(?: Strip)?|Palestinian territory|enclave)\b", re.I)
_MEASURE_UNITS = {"duration": "days", "phases": "count", "aid_trucks": "trucks"}
_HOSTAGE_CONTEXT = re.compile(r"hostage|captiv|abduct|kidnap", re.I)
_GROUPS = {
    "hostages_taken": "hostages",
    "hostages_held": "hostages",
    "hostages_dead": "hostages",
    "hostages_alive": "hostages",
    "hostages_released": "hostages",
    "remains_returned": "hostages",
    "displaced": "displaced people",
    "aid_trucks": "aid trucks",
}


_ACCORDING_TO = re.compile(r"\s*According to\s+([^,;]+)")


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
    carry = Carry()
    trail = SourceTrail()
    deal: str | None = None
    for sentence in sentences:
        paragraph_break = previous is not None and "\n\n" in text[previous[1] : sentence[0]]
        if paragraph_break:
            trail.end_sentence([], None, paragraph_break=True)
        context = Context(text, published, sentence, previous, deal)
        made = _sentence_figures(article_id, context, resolve_source, carry, trail)
        figures.extend(made)
        terms = [f.status for f in made if f.status != "reported"]
        deal = terms[-1] if terms else deal
        sources = [f.attribution for f in made if f.attribution]
        trail.end_sentence(sources, _opening_source(context, resolve_source), False)
        previous = sentence
    headline = sentences[0] if len(sentences) > 1 else None
    if headline and "\n\n" not in text[headline[1] : sentences[1][0]]:
        headline = None  # no separate headline: the first sentence is body text
    return _headline_echoes(figures, headline)


def _headline_echoes(
    figures: list[FigureRecord], headline: tuple[int, int] | None
) -> list[FigureRecord]:
    """A headline figure restates one of the body: it takes the body's scope and date."""
    if headline is None:
        return figures
    out = []
    for figure in figures:
        if figure.start < headline[1]:
            body = next(
                (
                    f
                    for f in figures
                    if f.start >= headline[1]
                    and (f.measure, f.low, f.high) == (figure.measure, figure.low, figure.high)
                ),
                None,
            )
            if body is not None:
                figure = replace(figure, scope=body.scope, as_of=body.as_of)
        out.append(figure)
    return out


def _opening_source(ctx: Context, resolve_source: SourceResolver | None) -> str | None:
    """An "According to X, ..." that opens a sentence also covers the next sentence."""
    s_start, s_end = ctx.sentence
    opener = _ACCORDING_TO.match(ctx.text, s_start, s_end)
    if not opener or is_document(opener.group(1)):
        return None  # "According to the text, ...": the text is no source for the next one
    return attribution(ctx.text, ctx.sentence, s_start, resolve_source)


def _sentence_figures(
    article_id: str,
    ctx: Context,
    resolve_source: SourceResolver | None,
    carry: Carry,
    trail: SourceTrail,
) -> list[FigureRecord]:
    text = ctx.text
    s_start, s_end = ctx.sentence
    quantities = find_quantities(text, s_start, s_end)
    heads = resolve_heads(text, quantities, ctx, carry)
    counted = [i for i, h in enumerate(heads) if h.cls is not None]
    out: list[FigureRecord] = []
    previous: tuple[Head, str | None, FigureRecord | None] | None = None
    released_part = False
    for index, quantity in enumerate(quantities):
        head = heads[index]
        # The verb of a number is looked for after the previous number's noun: in "34,654
        # deaths and 77,908 wounded", "deaths" is what the first counts, not a verb of the second.
        prev_end = min(heads[index - 1].end, quantity.start) if index else s_start
        # A part ("50 of the 251 people ...") reads on past its whole.
        skip = index + 2 if head.partitive else index + 1
        # "5,087 Palestinians, among them 2,055 children, have been killed": the verb of the
        # whole comes after the part set off by commas.
        while skip < len(quantities) and _part_set_off(text, head, quantities[skip], s_end):
            skip += 1
        after = bisect.bisect_left(counted, skip)  # the next number that counts something
        following = [quantities[i].start for i in counted[after : after + 1]]
        next_start = following[0] if following else s_end
        verb = _clause_verb(text, quantity, head, prev_end, next_start, ctx.sentence)
        if verb is None and following and _LIST_OPENS.fullmatch(text, head.end, next_start):
            verb = _verb_after_list(text, next_start, s_end)  # "18 hostages, 13 Israelis ..."
        between = (
            text[previous[0].end if previous else prev_end : quantity.start] if previous else ""
        )
        if verb is None and previous and previous[1] and _COORDINATION.match(between):
            verb = previous[1]  # "released 105 hostages and 240 Palestinians"
        measure = _measure(head, verb, quantity, ctx)
        if measure is None and head.bare and verb is None:
            head, verb, measure = _labelled(head, quantity, ctx)
        last_figure = previous[2] if previous else None
        if last_figure and (
            (measure is None and _inherits(head, between, verb))
            or _list_item(text, head, quantity.start, previous)
        ):
            measure = last_figure.measure  # "105 were freed – 81 Israelis and 24 foreigners"
        killed_by = measure in ("killed", "hostages_dead") and _KILLED_BY.match(
            text, head.end, s_end
        )
        if last_figure and head.anaphor and last_figure.measure.startswith("hostages_"):
            measure = _OF_HOSTAGES.get(measure or "", measure)  # "105 held, including 34 dead"
        if killed_by:
            measure = "killed"  # "22 of them had been killed in Israeli air strikes"
        # "handed over 33 hostages, eight of them dead"; "returned 33 hostages, 25 of them
        # alive and eight dead": the parts of a release are released people and remains.
        in_release = (
            last_figure is not None
            and last_figure.measure == "hostages_released"
            and (head.anaphor or (released_part and bool(_COORDINATION.match(between))))
        )
        released_part = in_release and measure in _PARTS_OF_RELEASE
        if released_part:
            measure = _PARTS_OF_RELEASE[measure or ""]
        previous = (head, verb, previous[2] if previous else None)
        if measure is None or (
            measure in ("duration", "phases") and head.cls not in ("time", "phase")
        ):
            continue
        figure = _figure(article_id, ctx, quantity, head, measure, (resolve_source, trail))
        if figure is not None:
            out.append(figure)
            previous = (head, verb, figure)
    carry.head = next(
        (h for h in reversed(heads) if h.cls in ("hostage", "prisoner", "person")), carry.head
    )
    return out


_KILLED_BY = re.compile(
    r"[^.;]{0,40}?\b(?:killed|slain)\s+(?:in|by)\s+(?:\w+\s+){0,2}?"
    r"(?:strikes?|air\s*strikes?|bombing|bombardment|shelling|fire|raids?)\b"
)
"""Hostages "killed in Israeli air strikes" are counted as killed, not as hostages dead (the
gold conventions of k01, g01 and m04); "declared dead" or "have died" are hostages dead."""
_OF_HOSTAGES = {"killed": "hostages_dead", "hostages_taken": "hostages_held"}
_PARTS_OF_RELEASE = {"hostages_dead": "remains_returned", "hostages_alive": "hostages_released"}
_LIST_TAIL = re.compile(r"^[^;:.()]{0,30}?(?:,|\band)\s*$")


def _list_item(text: str, head: Head, start: int, previous: tuple | None) -> bool:
    """True if a bare number is listed after a figure and so counts the same thing.

    "eight bodies, four on Monday and four more on Tuesday"; "30 for each civilian and 50
    for each soldier".
    """
    if not head.bare or previous is None or previous[2] is None:
        return False
    own = _vocab()["verbs"].find(text, head.end, min(len(text), head.end + 30))
    if own and not text[head.end : own[0][0]].strip():
        return False  # "34,654 deaths and 77,908 wounded": the word after it says what it counts
    between = text[previous[0].end : start]
    return bool(_LIST_TAIL.match(between)) and not _vocab()["verbs"].any(between)


def _inherits(head: Head, between: str, verb: str | None) -> bool:
    """A bare number or a list item takes the measure of the figure before it."""
    listed = bool(_INCLUSION.search(between)) or bool(_COORDINATION.match(between))
    return (head.cls in (None, "person") and listed) or (
        head.bare and verb is None and bool(re.search(r",|\band\b", between))
    )


def _figure(
    article_id: str,
    ctx: Context,
    quantity: Quantity,
    head: Head,
    measure: str,
    sources: tuple[SourceResolver | None, SourceTrail],
) -> FigureRecord | None:
    text = ctx.text
    low, high = quantity.low, quantity.high
    if measure == "duration":
        days = unit_days(quantity.unit or head.phrase.split()[-1])
        if days is None:
            return None
        low, high = round(low * days, 4), round(high * days, 4)
        if low < 1:
            return None
    figure_status = status(measure, quantity, ctx)
    figure_scope = scope(measure, quantity, ctx, figure_status)
    end = head.end if head.cls in ("time", "phase") and not quantity.unit else quantity.end
    return FigureRecord(
        article=article_id,
        measure=measure,
        low=_number(low),
        high=_number(high),
        qualifier=quantity.qualifier,
        unit=_MEASURE_UNITS.get(measure, "people"),
        group=_group(measure, head, quantity, ctx),
        status=figure_status,
        scope=figure_scope,
        attribution=_source(quantity, ctx, *sources),
        as_of=as_of(measure, figure_status, figure_scope, quantity, ctx),
        text=text[quantity.start : end],
        start=quantity.start,
        end=end,
        sentence=text[ctx.sentence[0] : ctx.sentence[1]],
        sentence_start=ctx.sentence[0],
    )


def _source(
    quantity: Quantity, ctx: Context, resolve_source: SourceResolver | None, trail: SourceTrail
) -> str | None:
    """Who the figure comes from: its sentence's source, or one the sentences before gave.

    A figure in a relative clause ("the attack, in which 1,200 were killed, has...") takes
    only a source inside that clause or right after it.
    """
    clause = None
    anchor = relative_anchor(quantity, ctx)
    if anchor:
        end = re.search(r",\s|[;:]", ctx.text[quantity.end : ctx.sentence[1]])
        clause = (anchor[1], quantity.end + end.start() if end else ctx.sentence[1])
    found = attribution(ctx.text, ctx.sentence, quantity.start, resolve_source, clause)
    known = bool(found and resolve_source and resolve_source(found) == found)
    return trail.source(found, ctx.text[slice(*ctx.sentence)], anchor is not None, known)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@functools.cache
def _vocab() -> dict[str, CueSet]:
    return {
        "heads": cue_set("measures.yaml", "heads"),
        "modifiers": cue_set("measures.yaml", "modifiers"),
        "verbs": cue_set("measures.yaml", "verbs"),
    }


@functools.cache
def _sides() -> dict[str, re.Pattern[str]]:
    data = load_yaml("measures.yaml")["release_sides"]
    return {
        key: re.compile(
            "|".join(f"(?:{p})" for p in value), re.IGNORECASE if key.endswith("words") else 0
        )
        for key, value in data.items()
    }


def _verb_after_list(text: str, start: int, end: int) -> str | None:
    """The verb after a list that breaks down a count, the list starting at ``start``.

    In "18 hostages, 13 Israelis and five Thais, have been freed" it is "freed".
    """
    closing = _LIST_CLOSES.search(text, start, end)
    if closing is None:
        return None
    cues = _vocab()["verbs"].find(text, closing.end(), min(end, closing.end() + 30))
    return cues[0][2] if cues and cues[0][0] == closing.end() and cues[0][2] != "none" else None


@functools.lru_cache(maxsize=4)
def _sentence_verbs(text: str, start: int, end: int) -> SpanIndex:
    """The verb cues of one sentence, found once for all its numbers."""
    return cue_index(_vocab()["verbs"], text, start, end)


@functools.lru_cache(maxsize=4)
def _sentence_breaks(text: str, start: int, end: int) -> SpanIndex:
    """The strong clause breaks of one sentence, found once for all its numbers."""
    return pattern_index(_STRONG_BREAK, text, start, end)


@functools.lru_cache(maxsize=4)
def _hostage_context(text: str, start: int, end: int) -> bool:
    """True if the sentence speaks of hostages or captivity."""
    return _HOSTAGE_CONTEXT.search(text, start, end) is not None


def _clause_verb(
    text: str,
    quantity: Quantity,
    head: Head,
    prev_end: int,
    next_start: int,
    sentence: tuple[int, int],
) -> str | None:
    """Return the verb class nearest the quantity in its clause, preferring a governing verb."""
    s_start = sentence[0]
    verbs = _sentence_verbs(text, *sentence)

    def cues_in(start: int, end: int) -> list[tuple[int, int, str]]:
        return [c for c in verbs.find(start, end) if c[2] != "none"]  # "alive or dead"

    breaks = _sentence_breaks(text, *sentence)
    left_start = max(prev_end, s_start)
    for _, brk_end, _ in breaks.find(left_start, quantity.start):
        left_start = brk_end
    right_end = next_start
    found = breaks.find(quantity.end, right_end)
    if found:
        right_end = found[0][0]
    left = cues_in(left_start, quantity.start)
    if left and _ADJACENT.fullmatch(text, left[-1][1], quantity.start):
        return left[-1][2]  # "killed 1,200", "still holds more than 100", "release of 105"
    comma = text.find(",", head.end, right_end)
    clause_end = comma if comma != -1 and left else right_end
    after_head = cues_in(head.end, clause_end)
    # "50 hostages held in Gaza will be released": a participle before the clause's verb; not
    # "59 hostages remain in Gaza, and 24 are alive", two clauses
    participle = (
        len(after_head) > 1
        and (
            after_head[0][0] - head.end <= 1
            or _RELATIVE_PRONOUN.fullmatch(text, head.end, after_head[0][0]) is not None
        )
        and not _BETWEEN_CLAUSES.search(text, after_head[0][1], after_head[1][0])
    )
    if (
        after_head
        and after_head[0][2] == "held"
        and _STILL_HELD.match(text, head.end, after_head[0][1])
        and left
        and left[-1][2] == "released"
        and "," not in text[left[-1][1] : quantity.start]
    ):
        return "released"  # "Hamas frees on the first day the 48 hostages still held"
    if participle and _OF_THE.fullmatch(text, left_start, quantity.start):
        return after_head[0][2]  # "Of the 48 hostages still held, 20 are alive": the whole
    if participle and (after_head[0][2] == "held" or head.partitive):
        # "50 hostages held in Gaza will be released"; "50 of the 251 people abducted are
        # still in Gaza": the participle tells of the whole, not of the part
        return after_head[1][2]
    if after_head:
        return after_head[0][2]  # "29,514 Palestinians have been killed"
    inside = cues_in(quantity.end, head.end)
    if inside:
        return inside[-1][2]  # "251 taken hostage", "20 living hostages"
    if left:
        return left[-1][2]  # "Among the dead were dozens of children, medics said"
    beyond = cues_in(clause_end, right_end)
    if beyond:
        return beyond[0][2]
    if right_end < len(text) and re.match(r"\s*(?:and|or)\s", text[head.end : right_end]):
        stop = text.find(".", right_end, sentence[1])  # not past the sentence
        shared = cues_in(right_end, stop if stop >= 0 else sentence[1])
        return shared[0][2] if shared else None  # the verb both conjuncts share
    return None


def _measure(head: Head, verb: str | None, quantity: Quantity, ctx: Context) -> str | None:
    cls, mods = head.cls, head.modifiers
    verb = _provided(head, verb)
    if cls == "hostage" or (cls == "person" and "hostage" in mods):
        if verb is None and _FOR_A_TRUCE.match(ctx.text, head.end, ctx.sentence[1]):
            verb = "released"  # "the offer of 40 hostages for six weeks of truce"
        measure = _hostage_measure(head, verb, cls)
        handed = any(
            label == "released"
            for *_, label in _sentence_verbs(ctx.text, *ctx.sentence).find(
                ctx.sentence[0], quantity.start
            )
        )
        if (
            measure == "remains_returned"
            and not handed
            and _STILL.match(ctx.text, head.end, ctx.sentence[1])
        ):
            return "hostages_dead"  # "the remains of 19 hostages are still in the enclave"
        return measure
    if cls == "crowd" or verb in ("protest", "starved"):
        return "other"  # "hundreds of thousands took to the streets", "died of malnutrition"
    if cls == "prisoner" or (cls == "person" and "prisoner" in mods):
        release = verb == "released" or any(
            label == "released"
            for *_, label in _sentence_verbs(ctx.text, *ctx.sentence).find(*ctx.sentence)
        )
        return "prisoners_released" if release else None
    if cls == "death":
        return "hostages_dead" if "hostage" in mods else "killed"
    if cls == "body":
        if re.match(r"\s+of\s+(?:\w+\s+)?Palestinians?\b", ctx.text[head.end : head.end + 30]):
            return "other"  # bodies of Palestinians handed back are not hostages' remains
        if verb in ("released", "remains"):
            return "remains_returned"
        return "hostages_dead" if _HOSTAGE_CONTEXT.search(ctx.text[slice(*ctx.sentence)]) else None
    simple = {
        "injury": "injured",
        "displaced": "displaced",
        "truck": "aid_trucks",
        "missing": "missing",
    }
    if cls in simple:
        return simple[cls]
    if cls == "time":
        return "duration" if truce_context(quantity, head.end, head.phrase, ctx) else None
    if cls == "phase":
        single = quantity.low >= 2 and quantity.low == quantity.high
        return (
            "phases"
            if single and truce_context(quantity, head.end, head.phrase, ctx, phases=True)
            else None
        )
    if cls == "person" or (cls is None and head.bare):
        return _person_measure(head, verb, quantity, ctx)
    return None


def _part_set_off(text: str, head: Head, part: Quantity, end: int) -> bool:
    """Is ``part`` a part of the whole set off by commas, with no verb of its own?

    "5,087 Palestinians, among them 2,055 children, have been killed": the whole's verb comes
    after it; "33 hostages, among them eight who are dead, will be released" keeps "dead" to
    the part.
    """
    if not _AMONG.match(text, head.end, part.start):
        return False
    close = text.find(",", part.end, end)
    return close != -1 and not _vocab()["verbs"].any(text, part.end, close)


def _labelled(head: Head, quantity: Quantity, ctx: Context) -> tuple[Head, str | None, str | None]:
    """A figure after a label and a colon, as in fact boxes and live blogs.

    In "Death toll in Gaza: 32,333" and "- Hostages still held: 134" the label says what is
    counted and what happened.
    """
    # The label opens the sentence or follows a semicolon: "Deaths: 32,333; injuries: 74,694".
    opening = max(ctx.sentence[0], ctx.text.rfind(";", ctx.sentence[0], quantity.start) + 1)
    label = _LABEL.match(ctx.text, opening, quantity.start)
    if label is None:
        return head, None, None
    start, end = label.span("label")
    vocab = _vocab()
    verbs = vocab["verbs"].find(ctx.text, start, end)
    verb = verbs[0][2] if verbs else None
    # The noun before any preposition: "Prisoners released in first phase" counts prisoners.
    preposition = _LABEL_PREPOSITION.search(ctx.text, start, end)
    heads = [
        h
        for h in vocab["heads"].find(ctx.text, start, preposition.start() if preposition else end)
        if h[2] not in ("time", "phase")
    ]
    cls = heads[0][2] if heads else head.cls
    modifiers = {found[2] for found in vocab["modifiers"].find(ctx.text, start, end)}
    labelled = Head(
        cls, head.end, ctx.text[start:end], modifiers | head.modifiers, bare=cls is None
    )
    return labelled, verb, _measure(labelled, verb, quantity, ctx)


_LABEL = re.compile(r"[\s\-–•*]*(?P<label>[A-Za-z][^:;.!?]{2,60}?):\s*\Z")
_LABEL_PREPOSITION = re.compile(r"\b(?i:in|since|during|of|from|at|on|by)\b")


def _provided(head: Head, verb: str | None) -> str | None:
    """What a deal "provides for" of hostages, prisoners or bodies: their release."""
    if verb != "provided":
        return verb
    people = head.cls in ("hostage", "prisoner", "body") or head.modifiers & {"hostage", "prisoner"}
    return "released" if people else None


def _hostage_measure(head: Head, verb: str | None, cls: str | None) -> str:
    mods = head.modifiers
    if verb == "remains" or (verb == "released" and "death" in mods):
        return "remains_returned"
    if verb in ("released", "rescued"):
        return "hostages_released"
    if "death" in mods or verb == "killed":
        return "hostages_dead"
    if "alive" in mods or verb == "alive":
        return "hostages_alive"
    fallback = "hostages_taken" if cls == "person" else "hostages_held"
    return {"taken": "hostages_taken", "held": "hostages_held"}.get(verb or "", fallback)


def _person_measure(head: Head, verb: str | None, quantity: Quantity, ctx: Context) -> str | None:
    mods = head.modifiers
    for modifier, measure in (
        ("displaced", "displaced"),
        ("death", "killed"),
        ("injury", "injured"),
        ("missing", "missing"),
    ):
        if modifier in mods:
            return measure
    if verb == "released":
        return _release_side(head, quantity, ctx)
    if verb == "remains":
        return (
            "remains_returned"
            if _release_side(head, quantity, ctx) == "hostages_released"
            else None
        )
    if verb in ("held", "alive") and (
        _hostage_context(ctx.text, *ctx.sentence)
        # "the Qassam Brigades said they were holding between 200 and 250 people"
        or (verb == "held" and _held_by_captors(ctx.text, ctx.sentence[0], quantity.start))
    ):
        return {"held": "hostages_held", "alive": "hostages_alive"}[verb]
    return {
        "killed": "killed",
        "injured": "injured",
        "taken": "hostages_taken",
        "displaced": "displaced",
        "missing": "missing",
    }.get(verb or "")


def _held_by_captors(text: str, start: int, number: int) -> bool:
    """Is the side that holds these people one that takes hostages?

    "The Qassam Brigades said they were holding between 200 and 250 people" (the side is the
    subject, nothing named between); not "Hamas said the Israeli army was holding 9,000".
    """
    sides = list(_sides()["hostages"].finditer(text, max(start, number - 80), number))
    if not sides:
        return False
    name_end = _NAME_GOES_ON.match(text, sides[-1].end()).end()  # "Qassam Brigades"
    return not _CAPITALISED_WORD.search(text, name_end, number)


_NAME_GOES_ON = re.compile(r"(?:\s+[A-Z][\w'’-]*)*")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]")


def _release_side(head: Head, quantity: Quantity, ctx: Context) -> str:
    """Hostages or prisoners: from the counted words, what follows them, or who releases."""
    sides = _sides()
    text = ctx.text
    phrase = head.phrase + " " + text[head.end : min(head.end + 40, ctx.sentence[1])]
    prisoner = sides["prisoner_words"].search(phrase)
    hostage = sides["hostage_words"].search(phrase)
    if prisoner and (not hostage or prisoner.start() < hostage.start()):
        return "prisoners_released"
    if hostage:
        return "hostages_released"
    before = text[ctx.sentence[0] : quantity.start]
    releaser = [(m.start(), "hostages_released") for m in sides["hostages"].finditer(before)]
    releaser += [(m.start(), "prisoners_released") for m in sides["prisoners"].finditer(before)]
    if releaser:
        return max(releaser)[1]
    return (
        "hostages_released"
        if _HOSTAGE_CONTEXT.search(text[slice(*ctx.sentence)])
        else "prisoners_released"
    )


def _group(measure: str, head: Head, quantity: Quantity, ctx: Context) -> str | None:
    """Who is counted, normalised so that outlets' figures group together."""
    if measure in ("duration", "phases"):
        return None
    if measure in _GROUPS:
        return _GROUPS[measure]
    if measure == "prisoners_released":
        return "Palestinian prisoners"
    if re.search(r"Palestinian|Gazan", head.phrase):
        return "Palestinians"
    if re.search(r"Israeli", head.phrase):
        return "people in Israel"
    text = ctx.text
    for start, end in [span for span in (ctx.sentence, ctx.previous) if span]:
        span = text[start:end] if (start, end) != ctx.sentence else text[quantity.start : end]
        place = _place_of(span)
        if place:
            return place
        if (start, end) == ctx.sentence and re.search(
            r"October 7|7 October|Hamas attack", text[start : quantity.start]
        ):
            return "people in Israel"
    phrase = re.sub(r"\s+", " ", head.phrase).strip(" ,")
    return phrase or "people"


def _place_of(span: str) -> str | None:
    israel, gaza = _PLACE_ISRAEL.search(span), _PLACE_GAZA.search(span)
    if israel and (not gaza or israel.start() < gaza.start()):
        return "people in Israel"
    return "Palestinians" if gaza else None
