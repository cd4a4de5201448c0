"""Stage triggers and clause windows: where a sentence reports a step of the negotiation.

Trigger phrases come from ``data/cues/stages.yaml``. A sentence is split into clauses; each
trigger owns its clause and the trigger-less clauses after it, which is where its date and
place are looked for (:mod:`briefing.events` reads them).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefing.vocab import first_letter_parts, first_letters, load_yaml, word_list, word_pattern

SUBORDINATE = re.compile(r"\s*(?:\S+\s+){0,3}?(?:after|before|once)\s", re.I)
# "but", "while", "whereas" as whole words, a semicolon, or ", and" (any case): one set of
# first characters opens it, so the engine skips to them (tests/test_quick.py).
_CONTRAST_WORDS = first_letter_parts(["but", "while", "whereas"])
CONTRAST = re.compile(
    rf"[;,{_CONTRAST_WORDS[0]}](?:(?<=;)|(?<=,)\s+(?i:and)\b"
    rf"|(?<!\w.)(?i:{_CONTRAST_WORDS[1]})\b)"
)
# Punctuation, or "but", "which", "who", "while", "that" as whole words. It opens with the set
# of first characters so the engine skips to them (the same as
# r',|;|:|—|–|\bbut\b|\bwhich\b|\bwho\b|\bwhile\b|\bthat\b|[“”"]', only faster).
_CLAUSE_BREAK = re.compile(
    r'[,;:—–“”"bwt](?:(?<=[bwt])(?<!\w.)(?:(?<=b)ut|(?<=w)(?:hich|ho|hile)|(?<=t)hat)\b|(?<![bwt]))'
)


_MANNER = re.compile(r"\b(?:with|through|under|via|thanks to)\s+(?:the\s+)?$", re.I)
_THOSE = re.compile(r"\b(?i:those|these)\s+\Z")
_STANCES = ("rejection", "acceptance")
_DEMANDS = re.compile(r"(?i:demands?)\b")
_NEW_CLAUSE = re.compile(r"[,;]|\b(?:and|but|while|as)\b")
_AFTER_MEDIATION = re.compile(r"\b(?:following|after)\s+(?:\w+\s+)?$", re.I)
"""Before "mediation": "freed following mediation by Qatar" tells how, not a round of talks."""
"""Before a noun trigger: "a truce reached with the mediation of Qatar" tells how, not what."""

_PROPOSALS = ("proposal", "counterproposal")
_APPOSED = re.compile(r",\s*$")
_SESSION_AFTER = re.compile(r"\s+(?:in|on|at)\b", re.I)
"""Around a noun trigger in -ing: "The Council, meeting in New York, endorsed" tells where
the subject sat, not a round of talks (the verb after it owns the date and place)."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """A phrase that signals a stage; ``noun`` triggers ("talks") count less than verbs."""

    stage: str
    start: int
    end: int
    noun: bool


@functools.cache
def vocab() -> dict:
    """The stages, modality cues, negotiation objects and goal words, compiled once."""
    data = load_yaml("stages.yaml")
    stages = {}
    for stage, spec in data["stages"].items():
        stages[stage] = {
            "cameo": str(spec["cameo"]) if spec.get("cameo") is not None else None,
            # The phrases by first word: only those are tried where that word is read.
            "verbs_first": _by_first_word(spec.get("verbs") or []),
            "nouns_first": _by_first_word(spec.get("nouns") or []),
            "needs_object": bool(spec.get("needs_object")),
        }
    modality = {k: re.compile(word_pattern(v)) for k, v in data["modality"].items()}
    return {
        "stages": stages,
        "objects": re.compile(word_pattern(data["negotiation_objects"])),
        "modality": modality,
        "goals": re.compile(word_pattern(data["goal_words"])),
        "goal_nouns": re.compile(word_pattern(data["goal_word_nouns"])),
        "received": re.compile(
            word_pattern(data.get("received_words") or []) + r"\s+(?:[\w'’-]+\s+){0,3}\Z"
        ),
        "demand_cameo": {k.lower(): str(v) for k, v in data.get("demand_cameo", {}).items()},
        "plan_to": re.compile(
            first_letters(data["plan_nouns"]) + r"\b(?:\s+[\w'’,-]+){0,16}?\s+(?i:to)\s+\Z"
        ),
        "plan_terms": re.compile(
            first_letters(data["plan_nouns"])
            + r"\b,?(?:\s+[\w'’,-]+){0,6}?\s+"  # "the text, transmitted by ..., foresees"
            + word_pattern(data["plan_term_verbs"])
        ),
        "military_plan": re.compile(
            r"(?:\s+[\w'’-]+){0,3}?\s+(?i:plans?|operations?)\s+to\s+"
            + word_pattern(data.get("military_plan_verbs") or [])
        ),
        "presence": re.compile(r"[\s,]*" + word_pattern(data.get("presence_words") or [])),
        "gathered": re.compile(
            word_pattern(data.get("gathering_verbs") or []) + r"\s+in\s+(?:the\s+)?\Z"
        ),
        "handed_things": re.compile(
            r"\s+(?:(?i:the|its|their|his|her|all|heavy)\s+)?(?:\w+\s+)?"
            + word_pattern(word_list(data, "handed_things", "stages.yaml"))
        ),
        "told_the_press": re.compile(
            r"(?i:tell|tells|told)\s+(?:the\s+)?" + word_pattern(data.get("press_audiences") or [])
        ),
        "carried": re.compile(word_pattern(data.get("carried_words") or []) + r"[^.,;]{0,40}\Z"),
        "relative_steps": [
            (stage, _relative_step(spec["nouns"], spec["verbs"], spec.get("participles") or []))
            for stage, spec in (data.get("relative_steps") or {}).items()
        ],
        "generic_step_nouns": re.compile(
            word_pattern(
                [
                    n
                    for spec in (data.get("relative_steps") or {}).values()
                    for n in spec.get("generic_nouns") or []
                ]
            )
        ),
        "negotiation_context": re.compile(
            word_pattern(data.get("negotiation_context") or []) + r"|\d+-point\b"
        ),
        "shared_occasion": re.compile(
            r"\band\s+(?:also\s+|then\s+|later\s+)?(?:[a-z]+ed|"
            + "|".join(map(re.escape, data.get("shared_occasion_verbs") or []))
            + r")\b"
        ),
    }


_WORDS = re.compile(r"[\w'’-]+")


def _first_word(phrase: str) -> str:
    return phrase.split()[0].lower().strip("\"“”‘’'")


def _by_first_word(phrases: list[str]) -> dict[str, tuple[str, ...]]:
    """The phrases grouped by their first word (compiled when that word is first read)."""
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        if phrase.split():
            groups.setdefault(_first_word(phrase), []).append(phrase)
    return {word: tuple(group) for word, group in groups.items()}


@functools.cache
def _compile(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Compile trigger phrases; ``...`` in a phrase stands for up to four words.

    The gap does not open with "and", "or" or "but": in "violating the agreement and
    announced" the agreement is the object of another verb, not the subject of "announced".
    Compiled on first use, so a run over one article compiles only what it reads.
    """
    alternatives = "|".join(_phrase(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)


def _phrase(phrase: str) -> str:
    parts = [
        r"(?!(?:and|or|but)\s)(?:[^\s,;]+\s+){0,4}?"
        if word == "..."
        else "[“\"‘']?" + re.escape(word) + r"[”\"’']?[,;:]?\s+"
        for word in phrase.split()
    ]
    regex = "".join(parts)
    # The last word ends the match: no punctuation or space after it belongs to the trigger.
    return regex[: -len(r"[,;:]?\s+")] if regex.endswith(r"[,;:]?\s+") else regex


@dataclass(slots=True)
class _Phrases:
    """The trigger phrases of one stage and kind that begin with one word."""

    stage: str
    noun: bool
    phrases: tuple[str, ...]
    pattern: re.Pattern[str] | None = None  # compiled when the word is first read


@functools.cache
def _first_word_index() -> dict[str, list[_Phrases]]:
    """Each word that can begin a trigger phrase, with the phrases that begin with it."""
    index: dict[str, list[_Phrases]] = {}
    for stage, spec in vocab()["stages"].items():
        for kind in ("verbs", "nouns"):
            for word, phrases in spec[kind + "_first"].items():
                index.setdefault(word, []).append(_Phrases(stage, kind == "nouns", phrases))
    return index


def find_triggers(text: str, start: int, end: int, clauses: list[tuple[int, int]]) -> list[Trigger]:
    """Stage triggers of one sentence, overlaps resolved, background nouns left out."""
    found: list[Trigger] = []
    index = _first_word_index()
    for word in _WORDS.finditer(text, start, end):
        # Only where a trigger phrase can begin is each stage's pattern tried, anchored.
        for entry in index.get(word.group().lower(), ()):
            if entry.pattern is None:
                entry.pattern = _compile(entry.phrases)
            match = entry.pattern.match(text, word.start(), end)
            if match:
                found.append(Trigger(entry.stage, match.start(), match.end(), entry.noun))
    found += _relative_triggers(text, start, end)
    # "the negotiating team": a participle used as an adjective names talks as a noun does.
    if text.find("egotiating", start, end) != -1:
        found = [
            Trigger(t.stage, t.start, t.end, True)
            if not t.noun
            and _ADJECTIVE_PARTICIPLE.fullmatch(text, t.start, t.end)
            and _NEGOTIATING_NOUN.match(text, t.end)
            else t
            for t in found
        ]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for trigger in found:
        if kept and trigger.start < kept[-1].end:
            if kept[-1].noun and not trigger.noun:
                kept[-1] = trigger  # "the bridging proposal submitted": the verb says more
            continue  # overlapping triggers: the earliest, longest wins
        kept.append(trigger)
    # A noun trigger does not make an event when its clause reports another stage by a verb
    # ("the Paris talks yielded a blueprint"), nor when its stage already has a trigger in
    # the sentence ("a new round of negotiations, with the mediation of Egypt": one round).
    out: list[Trigger] = []
    for trigger in kept:
        if _named_aside(text, trigger, (start, end), clauses, kept) or _named_object(
            text, trigger, start, kept
        ):
            continue
        if trigger.noun:
            clause = next(((a, b) for a, b in clauses if a <= trigger.start < b), (start, end))
            other_verb = any(
                not t.noun and t.stage != trigger.stage and clause[0] <= t.start < clause[1]
                for t in kept
            )
            if other_verb or any(t.stage == trigger.stage for t in out):
                continue
        out.append(trigger)
    return out


def _named_object(text: str, trigger: Trigger, start: int, kept: list[Trigger]) -> bool:
    """Is the trigger the object of another step, not a step of its own?

    "it has received the proposal": the proposal was made before, elsewhere; "will not give in
    to Hamas's 'delusional demands'": what is rejected.
    """
    if (
        trigger.noun
        and trigger.stage in _PROPOSALS
        and vocab()["received"].search(text, max(start, trigger.start - 60), trigger.start)
    ):
        return True
    if trigger.noun and _THOSE.search(text, max(start, trigger.start - 12), trigger.start):
        return True  # "Israel was not part of those talks": the talks told before
    return bool(trigger.noun or _DEMANDS.match(text, trigger.start, trigger.end)) and any(
        not t.noun
        and t.stage in _STANCES
        and 0 <= trigger.start - t.end <= 40
        and not _NEW_CLAUSE.search(text, t.end, trigger.start)
        for t in kept
    )


_ADJECTIVE_PARTICIPLE = re.compile(r"(?i:negotiating)")
_NEGOTIATING_NOUN = re.compile(
    r"\s+(?i:team|teams|delegation|delegations|position|positions|partner|partners|"
    r"committee|room|process|tactics?|strategy)\b"
)


def _named_aside(
    text: str,
    trigger: Trigger,
    sentence: tuple[int, int],
    clauses: list[tuple[int, int]],
    kept: list[Trigger],
) -> bool:
    """Is the trigger a step named on the way to another one the sentence tells?

    "A truce reached with the mediation of Qatar"; "In its answer on Friday, Hamas said it
    agreed to ...".
    """
    start, end = sentence
    if trigger.noun and len(kept) > 1:
        if _MANNER.search(text, start, trigger.start):
            return True
        if text[trigger.start : trigger.end].lower() == "mediation" and _AFTER_MEDIATION.search(
            text, start, trigger.start
        ):
            return True
        if _apposed_participle(text, trigger, start, end):
            return True
    return _opening_phrase(text, trigger, start, clauses, kept)


def _opening_phrase(
    text: str, trigger: Trigger, start: int, clauses: list[tuple[int, int]], kept: list[Trigger]
) -> bool:
    """Is a trigger in an opening phrase ("In its answer on Friday,") before a verb one?

    A phrase led by "in", "with" or "under" names a step without telling one; "After Hamas
    rejected the offer, ..." is a clause and keeps its step.
    """
    first = clauses[0]
    if not (first[0] <= trigger.start < first[1]) or not _OPENING_PREPOSITION.match(text, start):
        return False
    if len(text[first[0] : first[1]].split()) > 8:
        return False  # "In early July Hamas had accepted a US proposal ...": a clause of its own
    return any(not t.noun and t.start >= first[1] for t in kept)


_OPENING_PREPOSITION = re.compile(r"\s*(?i:in|with|under)\s")


def _apposed_participle(text: str, trigger: Trigger, start: int, end: int) -> bool:
    return (
        text[trigger.end - 3 : trigger.end].lower() == "ing"
        and _APPOSED.search(text, max(start, trigger.start - 3), trigger.start) is not None
        and _SESSION_AFTER.match(text, trigger.end, end) is not None
    )


def _relative_step(nouns: list[str], verbs: list[str], participles: list[str]) -> re.Pattern[str]:
    """A noun, then "which" or "that", up to five words and a verb, or a passive participle.

    The verb (group ``verb``) tells the step: "the plan, which Trump presented", "the
    framework had been drawn up".
    """
    relative = (
        # the words between are the subject: no verb of the main clause ("The offer which
        # Hamas rejected on Monday was presented by Egypt")
        r",?\s+(?i:which|that)\s+(?:(?!(?i:[a-z]+ed|said|says|was|were|is|are|has|had|have|"
        r"will|would)\b)[\w’'-]+\s+){0,5}?"
        r"(?:(?i:had|has|have|was|were|is|are)\s+(?:(?i:been|just|already)\s+)?)?"
        rf"(?P<verb>{word_pattern(verbs)})"
    )
    passive = (
        r"\s+(?i:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:(?i:first|already|"
        rf"jointly|formally|officially)\s+)?(?P<participle>{word_pattern(participles)})"
    )
    return re.compile(
        rf"{word_pattern(nouns)}(?:{relative}" + (f"|{passive})" if participles else ")")
    )


def _relative_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Steps told after the noun they made: "the plan, which Trump presented on Monday".

    A plan, a text or a draft needs a sentence about the negotiations: "the evacuation plan,
    which the army announced" or "the aid plan, which the UN presented" make no proposal.
    """
    context: bool | None = None
    out = []
    for stage, pattern in vocab()["relative_steps"]:
        for match in pattern.finditer(text, start, end):
            if vocab()["generic_step_nouns"].match(match.group()):
                if context is None:
                    # the sentence, or the one before ("... the three-stage plan. The
                    # document was passed to the sides last week.")
                    context = (
                        vocab()["negotiation_context"].search(text, max(0, start - 300), end)
                        is not None
                    )
                if not context:
                    continue
            group = "verb" if match.group("verb") is not None else "participle"
            out.append(Trigger(stage, match.start(group), match.end(group), False))
    return out


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence into clauses at commas, quotes, "but", "which", "that"..."""
    out, left = [], start
    for brk in _CLAUSE_BREAK.finditer(text, start, end):
        if brk.start() > left:
            out.append((left, brk.start()))
        left = brk.end()
    if end > left:
        out.append((left, end))
    return out or [(start, end)]


def windows(
    text: str, clauses: list[tuple[int, int]], triggers: list[Trigger], end: int
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """For each trigger, its own clause and the window it owns for date and place.

    A trigger owns its clause and the clauses after it that hold no trigger ("A new round of
    negotiations ..., with the mediation of Egypt, is expected to begin this morning in Cairo");
    the first trigger also owns what comes before it ("Israeli strikes killed 400 across the
    Gaza Strip on Tuesday, shattering a ceasefire"). A short opening phrase belongs to the
    clause it opens ("...; at the end of May, Witkoff offered a truce"), and nothing is owned
    across a semicolon or back across "but" and "while". A trigger in an opening subordinate
    clause ("A few hours after the extension was announced, ...") owns that clause only.
    """
    owner = []
    for trigger in triggers:
        inside = [i for i, (a, b) in enumerate(clauses) if a <= trigger.start < b]
        owner.append(inside[0] if inside else max(0, len(clauses) - 1))
    starts = []
    for position in owner:
        first = position
        while (
            first > 0
            and first - 1 not in owner
            and (
                _opens(text, clauses[first - 1], clauses[first])
                or _reports(text, clauses[first - 1], clauses[first])
            )
        ):
            first -= 1
        starts.append(first)
    out = []
    for index, position in enumerate(owner):
        later = [j for j in range(index + 1, len(owner)) if owner[j] > position]
        stop = clauses[starts[later[0]]][0] if later else end
        if later and stop < triggers[index].end:
            stop = triggers[later[0]].start  # "The agreement, announced ... and approved by"
        if position == 0 and SUBORDINATE.match(text, clauses[0][0]):
            stop = min(stop, clauses[0][1])  # "After the deal was announced, gunmen opened fire"
        chained = _chained_next(text, triggers, index, owner)
        if chained is not None:
            stop = min(stop, chained)  # "was extended twice and collapsed on 1 December"
        semicolon = text.find(";", triggers[index].end, stop)
        if semicolon != -1:
            stop = semicolon
        clause = (
            min(clauses[position][0], triggers[index].start),
            max(chained or clauses[position][1], triggers[index].end),
        )
        start = clauses[starts[index]][0]
        if index > 0 and triggers[index - 1].end > start:
            # "announced on Friday in Doha and approved on Saturday": not back across "and"
            start = triggers[index - 1].end
            joined = list(re.finditer(r"\band\b", text[start : triggers[index].start]))
            start += joined[-1].end() if joined else 0
            clause = (start, clause[1])
        if index == 0:
            # The first trigger owns the sentence before it, up to a "but", "while" or ";"
            # that opens a clause of its own ("X left on Sunday, but talks continue in Cairo").
            contrasts = list(CONTRAST.finditer(text, clauses[0][0], start))
            start = contrasts[-1].end() if contrasts else clauses[0][0]
        out.append((clause, (min(start, clause[0]), max(stop, clause[1]))))
    return out


def _chained_next(text: str, triggers: list[Trigger], index: int, owner: list[int]) -> int | None:
    """Where "and" opens the next verb trigger of the same clause, if it does.

    A chain of predicates ("was extended twice and collapsed on 1 December") gives each verb
    the words up to the next one: the date after "collapsed" is not the extension's.
    """
    following = index + 1
    if following >= len(triggers) or owner[following] != owner[index] or triggers[following].noun:
        return None
    joined = _AND_BEFORE.search(text, triggers[index].end, triggers[following].start)
    if joined is None or not text[triggers[index].end : joined.start()].strip():
        return None  # "was signed and took effect on Sunday": the date is both verbs'
    return joined.start()


_AND_BEFORE = re.compile(r"\band\s+(?:(?:was|were|has|have|had)\s+(?:been\s+)?)?\Z")


def _reports(text: str, phrase: tuple[int, int], clause: tuple[int, int]) -> bool:
    """Is ``phrase`` the report of what ``clause`` says ("while Trump warned on Tuesday that")?"""
    return text[phrase[1] : clause[0]].strip() == "that" and bool(
        _REPORTED_BY.search(text, phrase[0], phrase[1])
    )


REPORTING_VERBS = (
    "said says told warned warns announced announces declared declares stated added indicated "
    "confirmed"
).split()
"""Verbs that report what follows them ("said on Tuesday that ...")."""
_REPORTED_BY = re.compile(rf"\b(?i:{'|'.join(REPORTING_VERBS)})\b")


def _opens(text: str, phrase: tuple[int, int], clause: tuple[int, int]) -> bool:
    """Is ``phrase`` a short opening ("at the end of May,") of the clause right after it?"""
    between = text[phrase[1] : clause[0]]
    return len(text[phrase[0] : phrase[1]].split()) <= 6 and "," in between and ";" not in between
