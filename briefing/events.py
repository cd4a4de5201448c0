"""Negotiation events: stage, modality, CAMEO code, date, place and participants.

Each sentence is searched for stage triggers (``data/cues/stages.yaml``). A trigger becomes
an event unless it states a wish or a goal ("hoping to reach a deal") or lacks the
negotiation object its stage needs ("dismissing any role" is no rejection). The event's date
and place come from the trigger's clause, or from the whole sentence for its first trigger,
leaving out what belongs to a reporting verb ("..., Kirby said on Thursday in Washington").
Restatements of one step within an article are merged into one event.

Triggers and clause windows are in :mod:`briefing.triggers`; merging restatements is in
:mod:`briefing.restatements`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, timedelta

from briefing.actors import Mention, find_mentions
from briefing.anchored import Anchored, room
from briefing.articles import Article
from briefing.dates import DateMention, resolve_dates
from briefing.gazetteer import Gazetteer
from briefing.numbers import parse_words
from briefing.records import ActorRecord, EventRecord
from briefing.restatements import POSITIONS as _POSITIONS
from briefing.restatements import Found as _Found
from briefing.restatements import add as _add
from briefing.spans import ByStart
from briefing.triggers import CONTRAST as _CONTRAST
from briefing.triggers import REPORTING_VERBS
from briefing.triggers import Trigger as _Trigger
from briefing.triggers import clauses as _clauses
from briefing.triggers import find_triggers as _triggers
from briefing.triggers import vocab as _vocab
from briefing.triggers import windows as _windows
from briefing.vocab import first_letters

# The word lists below open with their first letters (vocab.first_letters), so the engine
# skips to them: the same matches as \b(?:word|...)\b with re.IGNORECASE (tests/test_quick.py).
_REPORTING_SEGMENT = re.compile(
    first_letters(
        [
            *"said says told reported reports explained added confirmed announced".split(),
            *["warned", "stated", "declared", "according to"],
        ],
        space=" ",
    )
    + r"\b[^,.;]*"
)
_REPORTING_VERB = re.compile(
    first_letters("said says told announced stated declared warned".split()) + r"\b"
)
_SINCE_DATE = (
    r"(?i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)(?:\s+\d{1,2}(?!\d))?(?:,?\s+\d{4})?|\d{1,2}\s+(?i:January|February|March|"
    r"April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|\d{4}"
)
_SINCE = re.compile(
    first_letters(["since"])
    + rf"\b(?:\s+(?:{_SINCE_DATE})(?=[\s,.;]*(?:(?:in|at|on)\b|,|\Z))|(?:\s+\S+){{0,6}})"
)
"""A since-phrase: a bare date ("since October", then "in Cairo on Thursday" is the step's),
else up to six words ("since the ceasefire took effect on 19 January")."""
_UNTIL = re.compile(first_letters(["until", "till"]) + r"\b(?:\s+\S+){0,6}")
"""'Would last until 20 April': the end of a period, not the day of the step."""
_UNTIL_WORD = re.compile(r"\b(?i:until|till|unless)\b")
_DEADLINE = re.compile(r"\b(?i:by)\s+(?:[\w:.'’]+\s+){0,3}\Z|(?i:by)\s")
"""Before a date, or opening it: 'return our hostages by Saturday noon', 'by noon on Saturday'
give the deadline of a demand, not the day it was made."""
_DATE_ADJECTIVE = re.compile(
    r"\b[\w ]{3,20}(?=\s+(?:Hamas\s+)?(?:attack|attacks|massacre|assault|raid|offensive)\b)", re.I
)
_ATTACK_WORD = re.compile(
    first_letters("attack attacks massacre assault raid offensive".split()) + r"\b"
)
_A_DAY_AFTER = re.compile(r"\ba day after\b", re.I)
_DATELINE = re.compile(r"[^\n–—]{0,40}?\d\s[–—]\s+(?:\([^)\n]{1,40}\)\s*)?")
"""A dateline opening the body ("25th November 2023 – (Jerusalem) ..."): publication, not event."""
_NOUN_PHRASE = r"\s+\w"
"""After "the day after": an event named ("the day after the war", "the day before he left"),
not a day counted from the last one reported ("The day after, he flew to Doha")."""
_ANAPHORIC = re.compile(
    # "the same day", "that evening", "earlier that day"; "the day before"; "the next day".
    # The first letter opens the pattern so the engine skips to it; the groups only flag
    # which kind of phrase matched (they start after the first letter).
    r"[TtEeLlAa](?<!\w.)(?i:"
    r"(?:(?<=[Tt])(?:he\s+same|hat)|(?<=[Ee])arlier\s+that|(?<=[Ll])ater\s+that)"
    r"\s+(?:day|evening|night|morning|afternoon)\b"
    rf"|(?P<before>(?<=[Tt])he\s+day\s+before(?!{_NOUN_PHRASE})|(?<=[Tt])he\s+previous\s+day"
    r"|(?<=[Aa])\s+day\s+earlier)\b"
    rf"|(?P<after>(?<=[Tt])he\s+day\s+after(?!{_NOUN_PHRASE})|(?<=[Tt])he\s+next\s+day"
    r"|(?<=[Tt])he\s+following\s+day|(?<=[Aa])\s+day\s+later)\b)"
)
# Tried only where its day word occurs (briefing.anchored): every phrase ends with one, and
# starts there ("earlier that day") or at the words before it ("the following day").
_ANAPHORIC_SCAN = Anchored(
    _ANAPHORIC,
    "day evening night morning afternoon before earlier after later".split(),
    lead=r"(?i:\b(?:the\s+(?:same\s+|previous\s+|next\s+|following\s+)?|that\s+|a\s+))",
    back=room("the following"),
)
_ANAPHORIC_OPENING = re.compile(
    r"\s*(?:in\s+the\s+(?:afternoon|evening|morning)|hours\s+later)\b", re.I
)
"""A day named by reference to one just reported: "the same evening", "earlier that day"."""
_LOOKBACK = 4
"""Sentences back that "the same evening" or "the day before" may refer to."""
_APPOSITIVE = re.compile(r",\s+(?:[a-z]+ed|named|chosen)\s+(?:on|by|in|at|last|earlier)\b[^,;]*,")
"""A participle set off by commas ("Rashad, appointed on Wednesday by Sisi, is expected")."""
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|whom)\b[^,;.]*(?:,|(?=[;.]))")
"""A relative clause set off by commas ("the Forum, which organises weekly demonstrations in
Tel Aviv, asked"): its date and place are its own, not those of a step outside it."""
_CLAUSE_MARK = re.compile(r"[,;:()—–]")
_PARENTHETICAL_SAID = re.compile(r"\s*[,—–]")
_TERRITORY_STAGES = {"implementation", "breakdown", "violation", "extension"}
_PEOPLE = re.compile(
    r"hostage|captive|prisoner|detainee|bod(?:y|ies)|remains|\d|people|Palestinians|Israelis|"
    r"women|children|soldier|civilian|abductee|elderly|them\b|"
    r"\b(?:citizens?|nationals?|foreigners?|Americans|mothers?|daughters?|sons?)\b",
    re.I,
)
_RELEASE_TRIGGER = re.compile(
    r"^(?:to\s+)?(?:released|releases|freed|frees|were released|was released|were freed|"
    r"was freed|handed|hand|hands|handing)\b",
    re.I,
)
_RESCUERS = re.compile(
    r"\b(?:forces|troops|army|soldiers|commandos|special forces|military|units|police|"
    r"court|courts|judge|judges|tribunal)\b"  # a rescue or a ruling is no negotiated release
    r"[^.]{0,30}$",
    re.I,
)
_INTERNAL_BODIES = ["cabinet", "government", "Knesset", "ministers", "parliament"]
_INTERNAL_PLAIN = (
    r"(?<!\bto the )(?<!\bat the )(?<!\bin the )(?<!\bbefore the )(?<!\bof the )"
    rf"\b(?:{'|'.join(_INTERNAL_BODIES)})\b[^.]{{0,90}}$"
)
"""A cabinet or parliament named before the trigger, not as a venue ("talks at the Knesset")."""
# The same pattern (with re.I), opening with the bodies' first letters so the engine skips to
# them (vocab.first_letters).
_INTERNAL = re.compile(
    first_letters(
        _INTERNAL_BODIES,
        guard=r"(?<!\bto the .)(?<!\bat the .)(?<!\bin the .)(?<!\bbefore the .)(?<!\bof the .)",
    )
    + r"\b[^.]{0,90}$"
)
"""A body of one state meeting by itself; not when it is the object ("a speech to the Knesset")."""
_CONDITIONAL = re.compile(r"(?i:if|unless)\b")
_CLAUSE_OPENS = re.compile(r"(?:^|\bthat|[,;:—–])\s*$")
_WARNED = re.compile(r"\b(?i:warn|threat|vow)\w*(?:\s+[\w'’]+){0,4}?\s+(?i:that)\b")
"""An ultimatum ("if Hamas does not ...") opens what is said or the sentence, or follows a
warning ("warned that there would be hell to pay if the hostages are not freed"); a condition
trailing another step ("prepare a plan ... if the movement does not") is part of that step."""
_MEETING_OF_BODY = re.compile(
    r"\s+of\s+(?:the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?i:{'|'.join(_INTERNAL_BODIES)})\b"
)
"""'A meeting of the security cabinet': a body of one state meeting by itself, named after."""
_PARTICIPLE = re.compile(
    r"\b(?:proposal|plan|framework|deal|truce|ceasefire|agreement|text|blueprint)\s+$", re.I
)
_MEETS_TERMS = re.compile(
    r"(?:\s+\S+){0,3}?\s+(?:conditions|demands|requirements|expectations|needs|criteria|"
    r"deadline|standards?|threshold|goals)\b",
    re.I,
)
"""After "meets": a proposal that "meets Netanyahu's conditions" is no meeting."""
_MOVEMENT = re.compile(r"^(?:arrived|arrives|arriving|landed|travell?ed|visited|flew)\b", re.I)
_MADE_AT = re.compile(
    r"\b(?i:agreement|deal|truce|ceasefire|accord|understanding)\s+(?:\w+\s+){0,2}?"
    r"(?i:reached|signed|brokered|struck|sealed|concluded)\s+(?:in|at)\s+[^,;.]{0,40}"
)
"""Where a deal named in passing was made ("a violation of the agreement reached in Doha"):
not the place of the step that names it. "Talks concluded in Cairo" keeps its place."""
_STARTED = re.compile(r"\b(?i:began|begins|begin|effect|force|held\s+since)\b")
"""A truce's start ("which began", "took effect", "came into force", "held since"): one day,
never split into one event per day named after it, as a list of exchanges is."""


# Used for every trigger or every place, so compiled once here.
_BY = re.compile(r"\s+by\s+(?:the\s+)?")
_CONDITION = re.compile(first_letters(["if", "unless", "until"]) + r"\b")
_PAST = re.compile(r"\b\w+ed\b")
_TO_BE = re.compile(r"\b(?i:be|being)\s+\Z")
_ONGOING = re.compile(
    r"\b(?i:is|are|was|were)\s+(?:still\s+)?(?:under\s*way|ongoing|(?!(?i:planning|"
    r"considering|preparing|hoping|expecting|trying|working|seeking|looking|weighing|pushing|"
    r"pressing|waiting|studying|reviewing|going|due|about|set|scheduled)\b)[a-z]+ing)\b"
)
"""A step under way when it was reported ("said on Tuesday that the negotiations were
continuing"): the report's date and place are the step's."""
_ONLY_IF = re.compile(r"[^.;]{0,40}?\bonly\s+(?:if|when|after|once)\b", re.I)
_WOULD_BE = re.compile(
    r"\b(?i:would|could|might)\s+(?:be|constitute|amount\s+to|mean)\s+[\W]*(?:\w+\W+){0,2}\Z"
)
"""An assessment of what something would be: "any delay would be 'a flagrant violation'"."""
_BE_RIGHT_BEFORE = re.compile(r"\bbe\s+\Z")
_PARTICIPLE_WORD = re.compile(r"\w+(?:ed|en)\b")
_THAT_END = re.compile(r"\s+(?i:that|this)\s*[.;!]")
_CHAINED = re.compile(r"(?:,|\band)\s+(?:(?:was|were|has|have|had)\s+(?:been\s+)?)?\Z")
"""Right after "and" or a comma, with no subject of its own: a verb of a chain of predicates."""
_NO_OBJECT_AFTER = re.compile(
    r"\s*(?:[,.;:]|\Z|(?:twice|again|once|briefly|later|on|in|at|by|for|until|till|after|"
    r"before|when|late|early|last|this|overnight|\d+)\b)",
    re.I,
)
"""After the verb, no object of its own ("was extended twice", "collapsed on 1 December"; not
"approved the appointment", "extended fishing limits")."""
_HAND_WORD = re.compile(r"(?:to\s+)?(?i:hand|hands|handed|handing)\b")
_FREES_UP = re.compile(r"\s+up\b")
"""'The deal frees up $6bn': money, not people."""
_URGED_NOT_TO = re.compile(r"(?i:urged|urges|urging)\b.*\b(?i:to\s+respond|not\s+to\s+\w+)")
_MUST_AT_ONCE = re.compile(r"(?i:must\s+immediately)\b")
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+\Z")
_CLAUSE_IN_GAP = re.compile(
    r"\b(?i:it|they|he|she|we|that|was|were|is|are|had|has|have|would|will|refused|agreed|"
    r"rejected|ready|prepared|planned|planning)\b"
)
"""Words of a reported clause inside an urged gap ("urged ... that it was ready not to")."""
_CALLED_ON_FOR = re.compile(r"(?i:call(?:ed|s|ing)?\s+on\s.*\sfor)")
_WAS_BEFORE = re.compile(r"\b(?i:was|were|had\s+been)\b")
_IN_UNTIL = re.compile(r"\b(?i:until|till|unless)\s+(?:[\w'’-]+\s+){0,5}\Z")
_STAYS = re.compile(r"(?i:remains?|stays?)\b")
_TRUCE_WORD = re.compile(r"\b(?i:ceasefire|truce|pause|arrangement|agreement|deal)\b")
_RENEWED_OWN = re.compile(
    r"(?i:renew(?:ed|s|ing)?)\s+(?i:its|their|his|her|our)\s+(?:(?i:agreement|commitment|"
    r"readiness|pledge|offer)\s+to|(?i:call|calls|support|demand|demands)\b)"
)
_PHASE_OF = re.compile(r"\b(?i:phase|stage)\s+of\s+(?:(?i:the|that|this|its)\s+)?\Z")
_TO_AFTER = re.compile(r"\s+to\s")
_WAS = re.compile(r"\b(?i:was|were|been)\s+\Z")
_MEETS = re.compile(r"(?:meets?|met)\b", re.I)
_MEETS_KIN = re.compile(
    r"(?:\s+with)?\s+(?:his|her|their|the|relatives\s+of|members\s+of)?\s*"
    r"(?:\w+\s+){0,2}?(?:parents|families|family|relatives|mother|father|wife|children)\b",
    re.I,
)
_RECEIVING = re.compile(
    r"(?:received|receives|receiving|was\s+received|were\s+received|hosted|"
    r"hosts|hosting)\b",
    re.I,
)
_RECEIVED_WHOM = re.compile(
    r"(?:\s+(?:by|in|at|on|the|a|an|today|yesterday|\w+day|morning|evening|afternoon))*?\s+"
    r"(?:[A-Z][\w'’-]+|delegations?|leaders?|envoys?|officials?|negotiators?|ministers?|"
    r"heads?|chiefs?|counterparts?|representatives?|president|emir|king)\b"
)
_SCENE = re.compile(r"\b(?:killed|killing|wounded|injured|hit)\s+(?:\S+\s+){0,5}in\s+$")
_DESTINATION = re.compile(r"\b(?:travel\w*|fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?)\s+to\s+$")
_WHERE_PEOPLE_ARE = re.compile(
    r"\b(?:hostages|prisoners|people|captives|Palestinians|Israelis)\s+(?:\w+\s+){0,2}in\s+"
    r"(?:the\s+)?$"
)
_HELD_SINGULAR = re.compile(r"\b(?:was|is|will\s+be|would\s+be)\s+held\s+in\s+(?:the\s+)?$")
_INSIDE = re.compile(r"\b(?:in|inside|over|across)\s+(?:the\s+)?(?:(?:[\w-]+\s+){1,3}of\s+)?$")


def extract_events(
    article: Article,
    gazetteer: Gazetteer,
    actors: list[ActorRecord] | None = None,
    mentions: list[Mention] | None = None,
) -> list[EventRecord]:
    """Return the negotiation events of one article, restatements merged."""
    text = article.text
    if mentions is None:
        mentions = find_mentions(text, gazetteer, article.published)
    media = {r.name for r in actors or [] if r.kind == "media"}
    media |= gazetteer.media_names()
    named = ByStart((m for m in mentions if m.name not in media), lambda m: (m.start, m.end))
    found: list[_Found] = []
    for index, (s_start, s_end) in _body_then_headline(article):
        dateline = _DATELINE.match(text, s_start, s_end)
        if dateline:
            s_start = dateline.end()
        clauses = _clauses(text, s_start, s_end)
        triggers = _triggers(text, s_start, s_end, clauses)
        if not triggers:
            continue
        opening = _opening_date(text, article.published, clauses[0], triggers)
        lookback = article.sentences[max(0, index - _LOOKBACK)][0]
        participants = list(dict.fromkeys(m.name for m in named.starting_in(s_start, s_end)))
        seen: set[tuple[str, int]] = set()
        before: tuple[_Trigger, EventRecord] | None = None
        for trigger, (clause, window) in _event_windows(text, clauses, triggers, s_start, s_end):
            if (trigger.stage, clause[0]) in seen:
                continue
            seen.add((trigger.stage, clause[0]))
            if trigger.stage not in _POSITIONS:
                # "In Washington, Blinken said the truce would take effect": the place and
                # date before a reporting verb are the speaker's, not the event's; a
                # parenthetical "..., the ministry said, shattering" introduces nothing.
                said = [
                    m
                    for m in _REPORTING_VERB.finditer(text, window[0], trigger.start)
                    if not _PARENTHETICAL_SAID.match(text, m.end())
                ]
                if said:
                    window = (said[-1].start(), window[1])
            # "On Sunday, X left, but talks continue": the opening date stops at "but".
            contrasted = _CONTRAST.search(text, clauses[0][1], trigger.start)
            event = _event(
                article,
                gazetteer,
                trigger,
                clause,
                window,
                None if contrasted else opening,
                participants,
                lookback,
            )
            if event.place is None:
                event = _present_at(text, gazetteer, trigger, window, triggers, event)
            if event.stage in _POSITIONS and event.date is None and event.place is None:
                event = _stated_at(article, gazetteer, trigger, s_start, event)
            if before:
                event = _on_occasion_of(text, before, clause, trigger, event)
            if _idle_talks(trigger, event):
                continue
            before = (trigger, event)
            subjects = _subjects(text, named, clause, trigger)
            for dated in _per_day(text, article.published, trigger, window, event):
                _add(found, _Found(index, dated, subjects[0] if subjects else None))
    return sorted((item.event for item in found), key=lambda e: e.start)  # in reading order


def _on_occasion_of(
    text: str,
    before: tuple[_Trigger, EventRecord],
    clause: tuple[int, int],
    trigger: _Trigger,
    event: EventRecord,
) -> EventRecord:
    """The event with the date and place of the step before, where it shares its occasion.

    "..., standing next to Netanyahu after the two men met for talks", "talks ended on
    Friday, with Washington presenting a proposal": the occasion of the step before.
    """
    if not (_present(text, clause) or _shares_occasion(text, before, trigger, event)):
        return event
    return replace(
        event,
        date=event.date or before[1].date,
        date_precision=event.date_precision or before[1].date_precision,
        place=event.place or before[1].place,
    )


def _stated_at(
    article: Article, gazetteer: Gazetteer, trigger: _Trigger, s_start: int, event: EventRecord
) -> EventRecord:
    """A stance in a later "that" clause of a report was taken when and where it was stated.

    "Al-Ansari told reporters in Doha on Tuesday that the talks were continuing and that Qatar
    welcomed the resolution": Qatar's welcome is of Tuesday, in Doha.
    """
    text = article.text
    reports = list(_REPORTING_VERB.finditer(text, s_start, trigger.start))
    if not reports:
        return event
    report = reports[-1]
    that = _THAT.search(text, report.end(), trigger.start)
    if that is None:
        return event
    span = (report.start(), that.start())
    dates = resolve_dates(text, article.published, *span)
    places = [
        name
        for start, end, name in gazetteer.places_within(text, *span)
        if _located(text, start, end, is_state=name in gazetteer.actors)
    ]
    if not dates and not places:
        return event
    return replace(
        event,
        date=dates[-1].date.isoformat() if dates else None,
        date_precision=dates[-1].precision if dates else None,
        place=places[-1] if places else None,
    )


_THAT = re.compile(r"\bthat\b")


def _present(text: str, clause: tuple[int, int]) -> bool:
    """Is the clause told on the occasion of the step before it?

    It opens with a participle of presence ("standing next to ...") or tells what went with
    that step ("with Washington presenting a proposal").
    """
    return (
        _vocab()["presence"].match(text, clause[0], clause[1]) is not None
        or _WITH_ING.match(text, clause[0], clause[1]) is not None
    )


_WITH_ING = re.compile(
    r"[\s,]*with\s+(?:[\w'’-]+\s+){1,4}?[a-z]+ing\s+(?:(?i:an?|the|its|his|her|their|new)\b|[A-Z])"
)
"""'with Washington presenting a proposal': a participle with its object, not a noun in -ing
('with the fighting in Gaza')."""


def _present_at(
    text: str,
    gazetteer: Gazetteer,
    trigger: _Trigger,
    window: tuple[int, int],
    triggers: list[_Trigger],
    event: EventRecord,
) -> EventRecord:
    """The place of a step told in the participle clause right after its window.

    "Trump unveiled a plan, standing next to Netanyahu at the White House after the two men
    met": the clause belongs to the next trigger, but it says where the plan was unveiled.
    """
    if not _vocab()["presence"].match(text, window[1]):
        return event
    stop = min((t.start for t in triggers if t.start >= window[1]), default=window[1])
    place = _place(text, gazetteer, trigger, (window[1], stop))
    return replace(event, place=place) if place else event


def _event_windows(
    text: str, clauses: list[tuple[int, int]], triggers: list[_Trigger], s_start: int, s_end: int
) -> list[tuple[_Trigger, tuple[tuple[int, int], tuple[int, int]]]]:
    """The triggers that make events, each with its clause and window.

    A trigger that makes no event ("the cabinet is due to meet on Thursday to ratify the
    deal": a cabinet meeting by itself) gives up the start of its clause to the next trigger,
    which then reaches back to where the dropped one began; where each window ends does not
    change.
    """
    spans = _windows(text, clauses, triggers, s_end)
    kept = [
        (trigger, span)
        for trigger, span in zip(triggers, spans, strict=True)
        if _is_event(text, trigger, span[0], (s_start, s_end))
    ]
    if len(kept) == len(triggers):
        return kept
    wider = _windows(text, clauses, [trigger for trigger, _ in kept], s_end)
    return [
        (trigger, ((new[0][0], old[0][1]), (new[1][0], old[1][1])))
        for new, (trigger, old) in zip(wider, kept, strict=True)
    ]


def _body_then_headline(article: Article) -> list[tuple[int, tuple[int, int]]]:
    """The sentences by index, the headline's last.

    A headline restates the body's main steps in few words, mostly without date or place: read
    last, its steps join those the body tells in full, and stand alone only when it is the
    only report of them.
    """
    numbered = list(enumerate(article.sentences))
    body = [item for item in numbered if item[1][0] >= article.body_start]
    return body + [item for item in numbered if item[1][0] < article.body_start]


def _shares_occasion(
    text: str, before: tuple[_Trigger, EventRecord], trigger: _Trigger, event: EventRecord
) -> bool:
    """Is ``trigger`` told by a verb joined by "and" to the step before, on its occasion?

    "Blinken met Sisi in Cairo on Monday and urged governments to press Hamas": the urging
    was in Cairo on Monday. Only a step with neither date nor place of its own ("announced
    in Doha and approved by the cabinet on Saturday" are two occasions), of the same
    modality, with no semicolon or contrast between the two.
    """
    earlier, told = before
    if event.date or event.place or told.modality != event.modality:
        return False
    if not (told.date or told.place):
        return False
    between = text[earlier.end : trigger.end]  # the joined verb may be the trigger itself
    if ";" in between or _CONTRAST.search(text, earlier.end, trigger.start):
        return False
    joins = list(_vocab()["shared_occasion"].finditer(between))
    if not joins or _BY.match(text, earlier.end + joins[-1].end()):
        return False  # "announced by Biden on May 31 and endorsed by the Council": two agents
    return "," not in between[joins[-1].end() : trigger.start - earlier.end]


def _subjects(
    text: str, named: ByStart[Mention], clause: tuple[int, int], trigger: _Trigger
) -> list[str]:
    """Who acts in a clause: the agent of a passive ("accepted by Hamas"), else its actors.

    ``named`` holds the article's mentions, media names left out.
    """
    by = _BY.match(text[trigger.end : trigger.end + 12])
    if by:
        agent = named.starting_in(trigger.end + by.end(), trigger.end + by.end() + 1)
        if agent:
            return [agent[0].name]
    return [m.name for m in named.starting_in(*clause)]


def _per_day(
    text: str,
    published: date | None,
    trigger: _Trigger,
    window: tuple[int, int],
    event: EventRecord,
) -> list[EventRecord]:
    """One exchange per day listed: "24 hostages on Friday, 13 on Saturday, 13 on Sunday"."""
    if event.stage not in ("implementation", "extension") or event.modality != "actual":
        return [event]
    if _STARTED.search(text, trigger.start, trigger.end):
        return [event]  # "the truce, which began on 19 January, ends on Saturday": one start
    spans = _excluded(text, trigger, window)
    days = sorted(
        {
            m.date
            for m in resolve_dates(text, published, *window)
            if m.precision == "day" and not any(a <= m.start < b for a, b in spans)
        }
    )
    if len(days) < 2:
        return [event]
    return [replace(event, date=d.isoformat(), date_precision="day") for d in days]


def _opening_date(
    text: str, published: date | None, first: tuple[int, int], triggers: list[_Trigger]
) -> DateMention | None:
    """A date that opens the sentence ("On Wednesday night, ...") dates all its events."""
    if triggers and triggers[0].start < first[1]:
        return None
    mentions = resolve_dates(text, published, *first)
    if not mentions or len(text[first[0] : mentions[0].start].split()) > 2:
        return None  # "The delegation left on Sunday, ...": the date of another clause
    return mentions[0]


def _is_event(
    text: str, trigger: _Trigger, clause: tuple[int, int], sentence: tuple[int, int]
) -> bool:
    """Leave out wishes, goals, descriptions of people, and triggers without their object."""
    before = text[max(sentence[0], trigger.start - 40) : trigger.start]
    if _goal(text, clause[0], trigger.start) and trigger.stage not in ("demand", "rejection"):
        return False
    condition = _CONDITION.search(text[clause[0] : trigger.start])
    if condition and not (
        condition.group().lower() == "until"
        and _WAS_BEFORE.search(text, max(clause[0], trigger.start - 12), trigger.end)
    ):
        # the condition of something else: "if a truce agreement is not reached"; but "held
        # until she was released on Thursday" tells the release
        return False
    if _term_or_source(text, trigger, sentence, before):
        return False
    if _vocab()["stages"][trigger.stage]["needs_object"] and not _has_object(
        text, trigger, sentence
    ):
        return False
    check = _STAGE_CHECKS.get(trigger.stage)
    return check is None or check(text, trigger, clause, sentence, before)


def _has_object(text: str, trigger: _Trigger, sentence: tuple[int, int]) -> bool:
    """Is a negotiation noun near a trigger that needs one ("rejected any concessions")?"""
    objects = _vocab()["objects"]
    if trigger.noun:
        # a noun is no object of itself: "a one-month extension to respond" extends no truce
        return bool(
            objects.search(text, sentence[0], trigger.start)
            or objects.search(text, trigger.end, sentence[1])
        )
    # A passive participle ("The agreement, announced ... and approved by the government")
    # takes its object from the noun it follows, however far back; so does a verb in a chain
    # that shares the sentence's subject ("The truce, ..., took effect on 24 November, was
    # extended twice and collapsed on 1 December").
    passive = re.match(r"\s+by\b", text[trigger.end : trigger.end + 4])
    chained = _CHAINED.search(
        text, max(sentence[0], trigger.start - 20), trigger.start
    ) and _NO_OBJECT_AFTER.match(text, trigger.end)
    left = sentence[0] if passive or chained else max(sentence[0], trigger.start - 60)
    if objects.search(text, left, min(sentence[1], trigger.end + 60)):
        return True
    return bool(_THAT_END.match(text, trigger.end))  # "Hamas rejects that.": what was just said


def _demand_check(
    text: str, trigger: _Trigger, clause: tuple[int, int], sentence: tuple[int, int], before: str
) -> bool:
    if _not_a_demand(text, trigger, before, sentence):
        return False
    if _vocab()["told_the_press"].match(text, trigger.start):
        return False  # "told reporters to ...": said to the press, asked of no side
    if _URGED_NOT_TO.match(text, trigger.start, trigger.end) and (
        _CLAUSE_IN_GAP.search(text, trigger.start, trigger.end)
        or not _vocab()["negotiation_context"].search(text, sentence[0], sentence[1])
    ):
        return False  # "residents were urged not to move": nothing of the negotiations asked
    if _MUST_AT_ONCE.match(text, trigger.start) and not _NAMED_BEFORE.search(
        text, max(sentence[0], trigger.start - 30), trigger.start
    ):
        return False  # "hospitals must immediately stop admitting": no side named
    # "called on residents for patience": no term of a deal asked for
    return not (
        _CALLED_ON_FOR.fullmatch(text, trigger.start, trigger.end)
        and not _vocab()["objects"].search(text, trigger.end, min(sentence[1], trigger.end + 60))
    )


def _extension_check(
    text: str, trigger: _Trigger, clause: tuple[int, int], sentence: tuple[int, int], before: str
) -> bool:
    if _RENEWED_OWN.match(text, trigger.start):
        return False  # "renewed its agreement to hand over ...": a stance restated
    # "Sanctions will remain in force until ...": no truce extended
    return not (
        _STAYS.match(text, trigger.start) and not _TRUCE_WORD.search(text, clause[0], trigger.start)
    )


def _breakdown_check(
    text: str, trigger: _Trigger, clause: tuple[int, int], sentence: tuple[int, int], before: str
) -> bool:
    return not _PHASE_OF.search(before)  # "the first phase of the truce expired": its course ran


def _talks_check(
    text: str, trigger: _Trigger, clause: tuple[int, int], sentence: tuple[int, int], before: str
) -> bool:
    return _is_talks(text, trigger, before, sentence)


def _acceptance_check(
    text: str, trigger: _Trigger, clause: tuple[int, int], sentence: tuple[int, int], before: str
) -> bool:
    if not re.match(r"agreed to\s+\w+", text[trigger.start : trigger.end + 20]):
        return True
    following = _triggers(
        text, trigger.end, min(sentence[1], trigger.end + 20), [(trigger.end, sentence[1])]
    )
    return not following  # "agreed to extend the truce" is the extension


def _implementation_check(
    text: str, trigger: _Trigger, clause: tuple[int, int], sentence: tuple[int, int], before: str
) -> bool:
    if _IN_UNTIL.search(
        text, max(sentence[0], trigger.start - 40), trigger.start
    ) and not _WAS_BEFORE.search(text, max(sentence[0], trigger.start - 12), trigger.end):
        # "... until the hostages are released": the condition, not a release ("held until
        # she was released on Thursday" tells the release)
        return False
    if _ONLY_IF.match(text, trigger.end, sentence[1]):
        return False  # "will release them only if ...": a condition set, told as a demand
    if _RELEASE_TRIGGER.match(text[trigger.start : trigger.end]):
        return _is_release(text, trigger, clause, sentence, before)
    return True


_STAGE_CHECKS = {
    "demand": _demand_check,
    "extension": _extension_check,
    "breakdown": _breakdown_check,
    "talks": _talks_check,
    "acceptance": _acceptance_check,
    "implementation": _implementation_check,
}
"""What each stage's trigger must pass besides the checks every trigger passes."""


def _is_release(
    text: str, trigger: _Trigger, clause: tuple[int, int], sentence: tuple[int, int], before: str
) -> bool:
    """Releases count when they happened to people, by the other side, as facts."""
    if re.search(r"\b(?:should|would|could|might)\b", text[clause[0] : clause[1]], re.I):
        return False
    if (
        _HAND_WORD.match(text, trigger.start) and _vocab()["handed_things"].match(text, trigger.end)
    ) or _FREES_UP.match(text, trigger.end):
        return False  # "hand over the administration of Gaza", "handed over its weapons"
    near = text[max(sentence[0], trigger.start - 50) : min(sentence[1], trigger.end + 50)]
    if not _PEOPLE.search(near) or re.search(r"\b(?:the|newly|recently)\s+$", before):
        return False  # "handed over its answer", "the released prisoners"
    return not _RESCUERS.search(before)  # a rescue by troops is not a negotiated release


def _goal(text: str, start: int, end: int) -> bool:
    """Is there a goal word in ``text[start:end]`` ("hoping to", "push for"), not a noun?

    "Press secretary Leavitt says ..." and "the Associated Press" hold no goal: a goal word
    opening a noun (``goal_word_nouns``), or "Press" ending a name, is passed over.
    """
    vocab = _vocab()
    for found in vocab["goals"].finditer(text, start, end):
        if vocab["goal_nouns"].match(text, found.start()):
            continue
        if found.group() == "Press" and _NAME_BEFORE.search(
            text, max(0, found.start() - 30), found.start()
        ):
            continue  # "the Associated Press", "France Press"
        return True
    return False


_NAME_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+\Z")


def _not_a_demand(text: str, trigger: _Trigger, before: str, sentence: tuple[int, int]) -> bool:
    """A description of a person, or an "if ... does not" that is another step's condition.

    "Blinken, who called for new truces"; "prepare a plan to defeat Hamas if the movement
    does not respect it" (an ultimatum opens what is said, or follows a warning).
    """
    if re.search(r"\bwho\s+(?:\w+\s+)?$", before):
        return True
    return (
        _CONDITIONAL.match(text, trigger.start) is not None
        and not _CLAUSE_OPENS.search(before)
        and not _WARNED.search(text, sentence[0], trigger.start)
    )


def _internal(text: str, start: int, end: int) -> bool:
    """Is a body of one state (a cabinet, a parliament) the one meeting before ``end``?

    Not when it describes a person: "Gantz, member of the Israeli war cabinet, was received".
    """
    found = _INTERNAL.search(text, start, end)
    while found and _MEMBER_OF.search(text, max(start, found.start() - 40), found.start()):
        found = _INTERNAL.search(text, found.start() + 1, end)
    return found is not None


_MEMBER_OF = re.compile(
    r"\b(?i:members?|ministers?|head|part|leader|rival|minister\s+without\s+portfolio)\s+"
    r"(?:of|in)\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}\Z"
)


def _is_talks(text: str, trigger: _Trigger, before: str, sentence: tuple[int, int]) -> bool:
    """Leave out talks triggers that describe something else than a meeting between sides."""
    word = text[trigger.start : trigger.end]
    if _PARTICIPLE.search(before) and word.lower() == "negotiated":
        return False  # "a truce negotiated with Qatar's mediation" tells how the truce came about
    if _internal(text, sentence[0], trigger.start):
        return False  # a cabinet meeting is not a round of talks
    if _MEETING_OF_BODY.match(text, trigger.end):
        return False
    if _MEETS.match(word) and _MEETS_TERMS.match(text, trigger.end):
        return False  # "a proposal that meets Netanyahu's conditions"
    if _MEETS.match(word) and _MEETS_KIN.match(text, trigger.end):
        return False  # "he met his parents", "met the families of the hostages"
    if _RECEIVING.match(word) and not _RECEIVED_WHOM.match(text, trigger.end):
        return False  # "received the leaders of Hamas", not "received the proposal"
    if _MOVEMENT.match(word) and _vocab()["carried"].search(text, sentence[0], trigger.start):
        return False  # "Buses carrying the freed prisoners arrived in Ramallah": no visit
    # "Blinken, who arrived in Israel on Wednesday, is due to meet": the person's background
    return not (
        _MOVEMENT.match(word)
        and re.search(r"\b(?:who|which|that)\s+(?:had\s+|has\s+|have\s+)?$", before)
    )


def _event(
    article: Article,
    gazetteer: Gazetteer,
    trigger: _Trigger,
    clause: tuple[int, int],
    window: tuple[int, int],
    opening: DateMention | None,
    participants: list[str],
    lookback: int,
) -> EventRecord:
    """Build the event of one trigger from its clause and the window it owns."""
    text, published = article.text, article.published
    refused = trigger.stage in ("talks", "implementation") and _refused_until(
        text, trigger, clause, window
    )
    if refused:
        # "will not conduct any negotiations until the aggression stops", "no more hostages
        # will be freed until the war ends": a condition set, dated when it is stated
        trigger = replace(trigger, stage="demand")
    modality = "actual" if refused else _modality(text, trigger, clause)
    when = (
        # "the day before", "four days later": counted from the last day told
        _anaphoric_date(text, published, window, lookback, _excluded(text, trigger, window))
        or _date(text, published, trigger, window, modality)
        or opening
    )
    cameo = _vocab()["stages"][trigger.stage]["cameo"]
    if trigger.stage == "demand":
        for word, code in _vocab()["demand_cameo"].items():
            if re.search(rf"\b{re.escape(word)}", text[trigger.end : window[1]], re.I):
                cameo = code
                break
    if trigger.stage == "implementation" and not re.search(
        r"truce|ceasefire|pause", text[slice(*window)], re.I
    ):
        cameo = "0841"  # a release or exchange of people
    start, end = _strip(text, window)
    stage = trigger.stage
    subject = text[clause[0] : trigger.start]
    if (
        stage == "acceptance"
        and re.search(r"\bIsrael\b", subject)
        and re.search(r"\bHamas\b", subject)
    ):
        stage, cameo = "agreement", _vocab()["stages"]["agreement"]["cameo"]  # both sides: a deal
    return EventRecord(
        article=article.id,
        stage=stage,
        modality=modality,
        cameo=cameo,
        date=when.date.isoformat() if when else None,
        date_precision=when.precision if when else None,
        place=_place(text, gazetteer, trigger, window),
        actors=participants,
        text=text[start:end],
        start=start,
        end=end,
        trigger=text[trigger.start : trigger.end],
    )


def _refused_until(
    text: str, trigger: _Trigger, clause: tuple[int, int], window: tuple[int, int]
) -> bool:
    """Is the step refused until something happens ("no talks until the raids stop")?"""
    if not _UNTIL_WORD.search(text, trigger.end, window[1]):
        return False
    return _vocab()["modality"]["negated"].search(text, clause[0], trigger.end) is not None


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in ' ,.;:“”"':
        start += 1
    while end > start and text[end - 1] in ' ,.;:“”"':
        end -= 1
    return start, end


def _modality(text: str, trigger: _Trigger, clause: tuple[int, int]) -> str:
    cues = _vocab()["modality"]
    around = text[max(clause[0], trigger.start - 50) : min(clause[1], trigger.end + 25)]
    if trigger.stage in ("demand", "rejection"):
        # A demand or a refusal stated is a fact, even when phrased in the future tense. A
        # negation inside the trigger ("did not accept", "will never accept") makes it.
        outside = (
            text[max(clause[0], trigger.start - 50) : trigger.start]
            + " "
            + text[trigger.end : min(clause[1], trigger.end + 25)]
        )
        # Closer than for other steps: in "denied that Israel had agreed to free the prisoners
        # Hamas had demanded", what is denied is the agreeing, not Hamas's demand.
        denied = _DENIAL.search(outside) or _denied_before(text, trigger, reach=40)
        return "negated" if denied else "actual"
    if _WOULD_BE.search(text, max(0, trigger.start - 45), trigger.start) and not (
        _BE_RIGHT_BEFORE.search(text, max(0, trigger.start - 10), trigger.start)
        and _PARTICIPLE_WORD.match(text, trigger.start)
    ):
        # not a passive: "said the ceasefire would be extended" is a future reported
        return "hypothetical"  # "any delay would be 'a flagrant violation' of the agreement"
    near = text[max(clause[0], trigger.start - 25) : trigger.end + 3]
    if trigger.stage == "violation" and _NEGATION_WORD.search(text, trigger.start, trigger.end):
        # "accused Hamas of not respecting the truce": the negation is the breach itself
        near = text[max(clause[0], trigger.start - 25) : trigger.start]
    negation = cues["negated"].search(near)
    negation = negation or _negated_around(text, trigger, clause)
    first_word = _FIRST_WORD.match(text, trigger.start)
    if _COUNTERFACTUAL.match(text, first_word.end() if first_word else trigger.start):
        return "negated"  # "The negotiations, which should have started on May 3": they did not
    # "may" the modal, not "May 12" the month
    words = (m.group() for m in cues["hypothetical"].finditer(around))
    modals = [w.lower() for w in words if w != "May"]
    # "said the talks would continue next week": a future reported, not a supposition.
    reported = (
        modals
        and set(modals) == {"would"}
        and _REPORTED_FUTURE.search(text, max(0, clause[0] - 200), trigger.start) is not None
        and not _CONDITION_AFTER.match(text, trigger.end)
    )
    hypothetical = bool(modals) and not reported
    if negation and not hypothetical:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if reported or cues["planned"].search(around):
        return "planned"
    if text[clause[1] : clause[1] + 1] in _QUOTES and clause[1] < trigger.end + 25:
        # A quoted time phrase is a clause of its own: travel to Cairo "in the coming days".
        quoted = re.match(r"[^.;]{0,30}", text[clause[1] : trigger.end + 30])
        if quoted and cues["planned"].search(quoted.group()):
            return "planned"
    return "actual"


_OWN_STEP = re.compile(
    r"\s+(?i:it|they|he|she|we)\s+(?:(?:had|has|have)\s+)?(?:(?:now|also|already|formally|"
    r"officially|jointly)\s+)?\Z"
)
"""Right before the trigger, after "that": a pronoun for the reporter, as its own past step
(not "would" or "will": a future reported is dated by its own words)."""
_OWN_DATE = re.compile(
    r"\b(?:(?i:yesterday|today|tonight)|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?i:last|earlier|this)\s+(?:week|month|year)|\d{1,2}\.\d{1,2}\.)\b"
)
"""A date word of the step's own, after its trigger: then the report does not date it."""
_NEGATION_WORD = re.compile(r"\b(?i:not|failed|failing|failure)\b")
_COUNTERFACTUAL = re.compile(
    # Right after the trigger's noun phrase, or in the relative clause on it ("The
    # negotiations on the second phase, which should have started on 3 February"), or inside
    # the trigger itself ("The talks should have opened"); not in a clause with a subject of
    # its own ("Hamas accepted the deal, which Israel should have rejected").
    r"(?:(?:\s+[\w'’-]+){0,4}?\s*,?\s+(?i:which|that)|\s+[\w'’-]+){0,1}\s+"
    r"(?i:should|ought\s+to|was\s+supposed\s+to|were\s+supposed\s+to)\s+"
    r"(?:have\s+\w+ed|have\s+begun|have\s+been\s+\w+ed)\b"
)
_FIRST_WORD = re.compile(r"[\w'’-]+")
_REPORTED_FUTURE = re.compile(
    rf"\b(?:{'|'.join([*REPORTING_VERBS, 'decided', 'decides'])})\b[^.;]{{0,200}}?\bwould\b", re.I
)
"""A future reported or decided ("said the talks would resume", "decided on Monday that the
delegation would not travel"): planned, or negated, not a supposition."""
_CONDITION_AFTER = re.compile(r"[^.;]{0,80}?\b(?:if|unless|provided|as long as)\b", re.I)
_DENIAL = re.compile(r"\b(?:did not|didn't|never|denied)\b", re.I)
_QUOTES = set("\"“”‘’'«»")


_NO_BEFORE = re.compile(r"\b(?:no|No)\s+(?:\w+\s+)?$")
_NOT_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:did\s+not|didn't|were\s+not|was\s+not|have\s+not|has\s+not|"
    r"had\s+not|never|failed\s+to|did\s+not\s+take\s+place)\b",
    re.I,
)
_DENIED = re.compile(
    first_letters(["denied", "denies", "deny", "dismissed reports"]) + r"\s+(?:(?i:that)\s+)?"
)


def _negated_around(text: str, trigger: _Trigger, clause: tuple[int, int]) -> bool:
    """Negation the cue window misses: "no talks", "talks did not take place", "denied that"."""
    if _NO_BEFORE.search(text, max(clause[0], trigger.start - 20), trigger.start):
        return True
    if trigger.noun and _NOT_AFTER.match(text, trigger.end, clause[1]):
        return True
    return _denied_before(text, trigger)


def _denied_before(text: str, trigger: _Trigger, reach: int = 80) -> bool:
    """Is the trigger what someone denied ("Hamas denied that it had rejected the offer")?"""
    # Within ``reach`` characters, after the last full stop ("rfind" bounded: a run-on text
    # is long).
    sentence_start = text.rfind(". ", max(0, trigger.start - reach - 1), trigger.start) + 1
    return bool(_DENIED.search(text, max(sentence_start, trigger.start - reach), trigger.start))


def _date(
    text: str, published: date | None, trigger: _Trigger, window: tuple[int, int], modality: str
) -> DateMention | None:
    if published and _A_DAY_AFTER.search(text, max(window[0], trigger.start - 30), trigger.start):
        return DateMention(trigger.start, trigger.end, published - timedelta(days=1), "day")
    spans = _excluded(text, trigger, window)
    # A trigger in the past tense ("the plan presented on May 31") dates backwards even in a
    # sentence about what comes next.
    # "due to be freed on Saturday" is a passive of what comes next, not a past tense.
    # "is expected to take effect on Friday": a participle before "to" is past only after
    # "was" ("was expected to take effect on Friday, but ...").
    past = any(
        _WAS.search(text, max(0, word.start() - 10), word.start())
        if _TO_AFTER.match(text, word.end())
        else not _TO_BE.search(text, max(0, word.start() - 8), word.start())
        for word in _PAST.finditer(text, trigger.start, trigger.end)
    )
    future = modality in ("planned", "hypothetical") and not past
    mentions = [
        m
        for m in resolve_dates(text, published, *window, future=future)
        if not any(a <= m.start < b for a, b in spans)
        and not (trigger.stage == "demand" and _deadline(text, m))
    ]
    if not mentions:
        return None
    return min(mentions, key=lambda m: abs(m.start - trigger.start))


def _deadline(text: str, mention: DateMention) -> bool:
    """Is the date a deadline ("by Saturday", "by noon on Saturday")?"""
    return bool(
        _DEADLINE.match(text, mention.start)
        or _DEADLINE.search(text, max(0, mention.start - 30), mention.start)
    )


def _anaphoric_date(
    text: str,
    published: date | None,
    window: tuple[int, int],
    lookback: int,
    excluded: tuple[tuple[int, int], ...] = (),
) -> DateMention | None:
    """The day that "the same evening" or "earlier that day" refers to: the last one reported.

    An opening "In the afternoon," refers back the same way, and "four days later" or "two
    weeks earlier" counts from that day, unless the window names a day of its own or the
    count lies in one of the ``excluded`` spans (a clause about another step). The search runs
    back over the previous sentences (from ``lookback``) up to the phrase.
    """
    anaphor = _ANAPHORIC_OPENING.match(text, *window) or _ANAPHORIC_SCAN.search(text, *window)
    counted = None
    if anaphor is None and ("later" in text[slice(*window)] or "earlier" in text[slice(*window)]):
        anaphor = counted = _COUNTED_ANAPHOR.search(text, *window)
        if counted and (
            any(a <= counted.start() < b for a, b in excluded)
            or any(m.precision == "day" for m in resolve_dates(text, published, *window))
        ):
            return None  # "On 29 March Hamas accepted a proposal put to it two days earlier"
    if anaphor is None:
        return None
    days = [
        m for m in resolve_dates(text, published, lookback, anaphor.start()) if m.precision == "day"
    ]
    if not days:
        return None
    if counted:  # "Four days later", "two weeks earlier"
        number = counted["n"]
        shift = int(number) if number.isdigit() else int(parse_words(number) or 1)
        shift *= 7 if counted["unit"].lower().startswith("week") else 1
        shift *= -1 if counted["dir"].lower() == "earlier" else 1
    else:
        named = anaphor.groupdict()
        shift = -1 if named.get("before") else 1 if named.get("after") else 0
    when = days[-1].date + timedelta(days=shift)  # "The day before, in Cairo, ..."
    return DateMention(anaphor.start(), anaphor.end(), when, "day")


_COUNTED_ANAPHOR = re.compile(
    r"\b(?P<n>(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten)|\d{1,2})\s+"
    r"(?P<unit>(?i:days?|weeks?))\s+(?P<dir>(?i:later|earlier))\b"
)
"""A day counted from the last one reported: "Four days later", "three days earlier"."""


@functools.lru_cache(maxsize=32)
def _excluded(text: str, trigger: _Trigger, window: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """Spans whose dates and places are not the event's: reporting verbs, "since/until ...".

    Read once per event (cached) for its date, its place and its days.
    """
    spans = []
    for match in _REPORTING_SEGMENT.finditer(text, *window):
        if trigger.start <= match.start() < trigger.end:
            continue  # the reporting word is the trigger's own: "announced an agreement"
        if match.start() < trigger.start < match.end():
            # A stance is taken when it is stated ("said on Thursday that it backed the deal");
            # other steps are not dated by the report ("said on Tuesday that there had been
            # no negotiations"): the report runs up to "that" or the trigger.
            that = re.search(r"\bthat\b", text[match.start() : trigger.start])
            if (
                trigger.stage not in _POSITIONS
                and not _ONGOING.search(
                    text, max(match.start(), trigger.start - 20), min(window[1], trigger.end + 25)
                )
                # "announced on Thursday that they had suspended the talks": the author
                # reports its own step, which is dated by the report
                and not (
                    that
                    and _OWN_STEP.match(text, match.start() + that.end(), trigger.start)
                    and not _OWN_DATE.search(text, trigger.end, window[1])
                )
            ):
                spans.append(
                    (match.start(), match.start() + that.start() if that else trigger.start)
                )
        else:
            spans.append(match.span())
    for match in _RELATIVE_CLAUSE.finditer(text, *window):
        if match.start() < trigger.end and trigger.start < match.end():
            continue  # the trigger's own clause
        if (
            trigger.noun
            and 0 <= match.start() - trigger.end <= 100
            and not _CLAUSE_MARK.search(text, trigger.end, match.start())
        ):
            continue  # it tells of the trigger: "the negotiations (on ...), which resumed"
        spans.append(match.span())
    # An appositive participle ("Rashad, appointed on Wednesday, ..."), where a deal named in
    # passing was made ("a violation of the agreement reached in Doha"), and a since-phrase,
    # unless the phrase is the trigger's own ("since the ceasefire took effect on 19 January").
    spans += [
        m.span()
        for pattern in (_APPOSITIVE, _MADE_AT, _SINCE)
        for m in pattern.finditer(text, *window)
        if not (m.start() < trigger.end and trigger.start < m.end())
        and not (pattern is _SINCE and _own_since(text, trigger, m))
    ]
    stretch = text[window[0] : window[1]]
    if "til" in stretch or "TIL" in stretch:  # cheap test: "until", "till", "UNTIL"
        spans += [m.span() for m in _UNTIL.finditer(text, *window)]
    if _ATTACK_WORD.search(text, *window):  # cheap test before the costly pattern
        spans += [m.span() for m in _DATE_ADJECTIVE.finditer(text, *window)]
    return tuple(spans)


def _own_since(text: str, trigger: _Trigger, since: re.Match[str]) -> bool:
    """Is the since-phrase the trigger's own date?

    "since 18 March, when Israel resumed its offensive": the "when" clause tells what began
    then. A stay since a day: see :func:`_stay_since`.
    """
    when = _WHEN_AFTER.match(text, since.end())
    if when and 0 <= trigger.start - when.end() <= 40:
        return True
    return _stay_since(text, trigger, since.start())


_WHEN_AFTER = re.compile(r",?\s+when\s")


def _stay_since(text: str, trigger: _Trigger, since: int) -> bool:
    """Does "since ..." say when a stay or a step under way began?

    "A delegation has been in Doha since Monday"; "has been holding talks in Cairo since
    Tuesday".
    """
    return (
        0 <= since - trigger.end <= 40
        and (
            _BEEN_IN.search(text, trigger.start, trigger.end) is not None
            or _BEEN.search(text, max(0, trigger.start - 12), trigger.start) is not None
        )
        and not _CLAUSE_MARK.search(text, trigger.end, since)
    )


_BEEN_IN = re.compile(r"\b(?i:been\s+in)\Z")
_BEEN = re.compile(r"\b(?i:been)\s+\Z")


def _place(
    text: str, gazetteer: Gazetteer, trigger: _Trigger, window: tuple[int, int]
) -> str | None:
    """The venue: a place the event happens "in", "to" or "at", nearest the trigger."""
    spans = _excluded(text, trigger, window)
    candidates = []
    for start, end, name in gazetteer.places_within(text, *window):
        if any(a <= start < b for a, b in spans):
            continue
        if trigger.stage == "demand" and start >= trigger.end:
            continue  # "demands freedom of action in Lebanon": what is demanded, not where
        territory = gazetteer.places[name].country == "Palestinian territories"
        # A breach happens where the fire was ("violating the truce after fire killed two
        # people in Rafah"); a truce takes effect in the territory named next to it.
        near = trigger.stage == "violation" or (
            min(abs(start - trigger.end), abs(trigger.start - end)) <= 40
        )
        if territory and (trigger.stage not in _TERRITORY_STAGES or not near):
            continue  # "a truce in the Gaza Strip": the subject of the talks, not their venue
        is_state = name in gazetteer.actors
        # "recalled their delegations from Doha": a breakdown leaves the venue it names.
        left = (
            trigger.stage == "breakdown"
            and not is_state
            and _FROM.search(text, max(0, start - 12), start)
        )
        if left or _located(text, start, end, is_state=is_state):
            candidates.append((abs(start - trigger.start), name))
    return min(candidates)[1] if candidates else None


_PROPOSAL_STAGES = ("proposal", "counterproposal")


def _term_or_source(text: str, trigger: _Trigger, sentence: tuple[int, int], before: str) -> bool:
    """Is the trigger a term of a plan, a proposal cited as a source, or an alternative?

    A plan holds "a plan of Witkoff to prolong the truce" and "the draft provides for a
    truce"; "according to a draft seen by Reuters" cites a proposal, it does not make one;
    "with or without an agreement" weighs two outcomes.
    """
    if _WITH_OR.search(before):
        return True
    vocab = _vocab()
    if trigger.stage == "acceptance" and vocab["military_plan"].match(text, trigger.end):
        return True  # "approved last week a plan to expand its offensive"
    # the "to" may open the trigger itself ("an offer to free X and to hand over the bodies"),
    # within one clause ("After the plan was approved, Hamas began to hand over" is no term)
    term = vocab["plan_to"].search(text, max(sentence[0], trigger.start - 120), trigger.start)
    if term is None and text.startswith("to ", trigger.start):
        term = vocab["plan_to"].search(
            text, max(sentence[0], trigger.start - 120), trigger.start + 3
        )
        term = term if term and "," not in term.group() else None
    if trigger.stage not in _PROPOSAL_STAGES and (
        term or vocab["plan_terms"].search(text, sentence[0], trigger.start)
    ):
        return True
    return trigger.noun and _ACCORDING_TO.search(before) is not None


_WITH_OR = re.compile(r"\b(?i:with)\s+or\s+\Z")
_ACCORDING_TO = re.compile(r"\b(?i:according\s+to|citing|quoting)\s+(?:[\w'’-]+\s+){0,2}\Z")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?\Z", re.I)


def _located(text: str, start: int, end: int, is_state: bool) -> bool:
    after = text[end : end + 30].lower()
    before = text[max(0, start - 40) : start].lower()
    if _SCENE.search(before):
        return True  # "fire killed two people in Rafah": where it happened
    if _vocab()["gathered"].search(before):
        return True
    if _DESTINATION.search(before):
        return True  # "Blinken will travel to Israel": a destination, even a state
    if _HELD_SINGULAR.search(before):
        return True  # "the round of talks on the release of the hostages was held in Cairo"
    if _WHERE_PEOPLE_ARE.search(before):
        return False  # "hostages in Gaza": where the people are, not where the event is
    if _INSIDE.search(before):
        return True
    if is_state:
        return False  # "representatives from Qatar" is not a venue
    return bool(
        re.search(r"\b(?:to|at|into)\s+(?:the\s+)?$", before)
        or re.match(r"\s+(?:talks|negotiations|meeting|summit)\b", after)
        or re.match(r"\s+(?:became|hosted|hosts|will host|is hosting|was hosting)\b", after)
    )


def _idle_talks(trigger: _Trigger, event: EventRecord) -> bool:
    """Is the event only the talks named as a topic ("Where this leaves the talks is unclear")?

    A noun of talks with no day, no place and nobody taking part tells no round of talks.
    """
    return (
        trigger.noun
        and event.stage == "talks"
        and event.modality != "negated"  # "there had been no negotiations for weeks"
        and event.date is None
        and event.place is None
        and not event.actors
    )
