"""The noun a number counts: its head, with partitives and anaphors resolved.

"253 hostages" counts hostages; "29 of whom" counts what the sentence counted before; "four
of the 28 dead hostages" counts hostages too; a bare "1,200 killed" counts people. Head and
modifier words are data (``heads`` and ``modifiers`` in ``data/cues/measures.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from briefing.cues import cue_set
from briefing.framing import Context
from briefing.numbers import Quantity


def _vocab() -> dict:
    return {
        "heads": cue_set("measures.yaml", "heads"),
        "modifiers": cue_set("measures.yaml", "modifiers"),
    }


TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-zÀ-ÿ][\w’'-]*)|(?P<other>\S))")


_OPENING_QUOTES = set("\"“„‘'«")
_CLOSING_QUOTE = re.compile(r"[\"”“’'»]")
STOP_WORDS = set(
    "in on at from to for by with since during under after before into across who which that "
    "whom whose have has had are were was is be been being will would could should may might "
    "remain remains remained still each per a an the this these those than as while but said "
    "says reported according".split()
)


_PARTICIPLES = {
    "killed",
    "dead",
    "wounded",
    "injured",
    "freed",
    "released",
    "abducted",
    "kidnapped",
    "missing",
    "displaced",
    "detained",
    "hurt",
    "slain",
}
"""A participle right after a number counts people, as in headlines ("Strike: 40 killed")."""


_ANAPHORS = {"whom", "them", "those", "these"}


_ANAPHOR_BEFORE = re.compile(
    r"\b(?:of|among)\s+(?:whom|which|them|those)\b[^,;]*$|\bincluding\s+$", re.I
)


@dataclass(slots=True)
class Head:
    """The noun phrase a quantity counts.

    ``bare`` means no noun follows the number at all ("killed 400 in Gaza"); ``partitive``
    that it counts part of a later number's noun ("four of the 28 dead hostages").
    """

    cls: str | None
    end: int
    phrase: str
    modifiers: set[str] = field(default_factory=set)
    anaphor: bool = False
    bare: bool = False
    partitive: bool = False


@dataclass(slots=True)
class Carry:
    """What one sentence leaves to the next: its last counted noun, for "35-40 of them"."""

    head: Head | None = None


def resolve_heads(text: str, quantities: list[Quantity], ctx: Context, carry: Carry) -> list[Head]:
    """Heads of every quantity, with partitives and anaphors resolved."""
    s_start, s_end = ctx.sentence
    heads = [find_head(text, q, s_end) for q in quantities]
    for index in range(len(heads) - 2, -1, -1):
        if heads[index].partitive and heads[index + 1].cls:
            later = heads[index + 1]
            # "50 of the 251 people abducted": the part's head is the whole's, and its verb is
            # read after the whole's phrase (see figures._clause_verb).
            heads[index] = Head(
                later.cls, later.end, later.phrase, set(later.modifiers), partitive=True
            )
    for index, quantity in enumerate(quantities):
        head = heads[index]
        before = text[max(s_start, quantity.start - 60) : quantity.start]
        if head.anaphor or (head.cls in (None, "death") and _ANAPHOR_BEFORE.search(before)):
            antecedent = next(
                (h for h in reversed(heads[:index]) if h.cls and not h.anaphor), carry.head
            )
            if antecedent is not None:
                dead = {"death"} if head.cls == "death" else set()  # "of whom ... 28 dead"
                heads[index] = Head(
                    antecedent.cls,
                    head.end,
                    antecedent.phrase,
                    antecedent.modifiers | head.modifiers | dead,
                    anaphor=True,
                )
    return heads


def _bare(text: str, quantity: Quantity, limit: int) -> bool | None:
    """Does no noun follow the number? None when the number plainly stands alone.

    "killed 1,200 and took 253" and a headline's "1,200 killed" stand alone; "28 dead
    hostages" does not (the participle is an adjective of "hostages").
    """
    first = TOKEN.match(text, quantity.end, limit)
    word = (first["word"] or "").lower() if first is not None else ""
    if word in ("and", "or", "but"):
        return None
    if word in _PARTICIPLES:
        second = TOKEN.match(text, first.end(), limit)
        if not (second is not None and second["word"] and _vocab()["heads"].label(second["word"])):
            return None
    if word == "more":  # "76 more were killed" stands alone; "two more bodies" does not
        second = TOKEN.match(text, first.end(), limit)
        return not (
            second is not None and second["word"] and _vocab()["heads"].label(second["word"])
        )
    return not word or word in STOP_WORDS


def _past_quotes(text: str, quantity: Quantity, limit: int) -> Quantity:
    """A quoted figure ('"fewer than 100" victims') reads its noun after the closing quote."""
    if text[quantity.start - 1 : quantity.start] in _OPENING_QUOTES and (
        closing := _CLOSING_QUOTE.match(text, quantity.end, limit)
    ):
        return replace(quantity, end=closing.end())
    return quantity


def find_head(text: str, quantity: Quantity, limit: int) -> Head:
    """Find the noun a quantity counts: the last head word of the phrase after it."""
    vocab = _vocab()
    if quantity.unit:
        cls = "phase" if quantity.unit in ("phase", "stage") else "time"
        return Head(cls, quantity.end, quantity.unit)
    quantity = _past_quotes(text, quantity, limit)
    bare = _bare(text, quantity, limit)
    if bare is None:
        return Head(None, quantity.end, "", set(), bare=True)
    position, best, modifiers, words = quantity.end, None, set(), 0
    best_end = quantity.end
    while words < 7:
        match = TOKEN.match(text, position, limit)
        if match is None or match["word"] is None:
            if match is not None and match["other"] == "-":
                position = match.end()
                continue
            break
        word = match["word"]
        lower = word.lower()
        if lower == "of":
            outcome = None if best is not None else _after_of(text, match, limit, modifiers, words)
            if isinstance(outcome, Head):
                return outcome
            if outcome is None:
                break
            position, words = outcome, words + 1
            continue
        if lower == "more" and best is None:
            position, words = match.end(), words + 1
            continue
        if lower in STOP_WORDS or (best is not None and lower in ("and", "or")):
            break  # "68,000 Palestinians and wounded 170,000": a new phrase begins
        label = vocab["heads"].label(word)
        modifier = vocab["modifiers"].label(word)
        if modifier:
            modifiers.add(modifier)
        if label:
            best, best_end = label, match.end()
        position = match.end()
        words += 1
    phrase = re.sub(r"^of\s+", "", text[quantity.num_end : best_end].strip(" -")) if best else ""
    if best is None and modifiers:
        best = next(iter(modifiers))  # "more than a million displaced": the modifier is the head
    return Head(best, best_end, phrase, modifiers, bare=bare and best is None)


def _after_of(
    text: str, match: re.Match[str], limit: int, modifiers: set[str], words: int
) -> Head | int | None:
    """Read "of" after a number.

    An anaphor ("29 of whom") or a partitive ("four of the 28") gives a head; a continuing
    phrase ("29 of the hostages", "hundreds of displaced") the position to scan on from;
    anything else None.
    """
    after = TOKEN.match(text, match.end(), limit)
    after_word = (after["word"] or "").lower() if after else ""
    if after_word in _ANAPHORS:
        return Head(None, after.end(), "", modifiers, anaphor=True)
    if after_word in ("the", "their", "all"):
        rest = text[after.end() : limit]
        if re.match(r"\s*\d|\s*(?:" + "|".join(_NUMBER_WORDS) + r")\b", rest, re.I):
            return Head(None, after.end(), "", modifiers, partitive=True)
        return after.end()
    return match.end() if words == 0 else None


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred".split()
)
