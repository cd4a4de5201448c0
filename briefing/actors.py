"""Mentions → actor records: aliases, titles, metonyms, demonyms, surnames, unknown names.

The gazetteer finds candidate mentions; this module decides which are actors in context
("Washington urged" is the United States, "talks in Washington" a place; "Qatari mediators"
is Qatar, "Israeli hostages" is not Israel acting), merges a title with the name it
introduces, and finds named people and bodies the gazetteer does not know.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from briefing.anchored import Anchored
from briefing.gazetteer import Gazetteer, Match, normalise
from briefing.records import ActorRecord
from briefing.spans import Spans
from briefing.vocab import first_letters, load_yaml, phrase_pattern, word_list

_AUX = r"(?:has|have|had|also|now|again|reportedly|then|on\s+\w+|,[^,]{1,40},)\s+"
_PARTICLE_WORDS = "al el bin ben abu ibn de van von der da dos du Abu Al El Bin Ben".split()
_PARTICLES = "(?:" + "|".join(_PARTICLE_WORDS) + ")"
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][^\W\d_A-Z]+(?:-[A-Z]?[^\W\d_A-Z]+)?"
"""A capitalised word of a name, letters of any Latin alphabet ("Erdoğan", "Goldberg-Polin")."""
_NAME_REST = rf"(?:\s+(?:{_PARTICLES}[\s-])?(?:{_NAME_WORD}|[A-Z]\.)){{1,3}}"
_NAME = rf"(?:{_NAME_WORD}|{_PARTICLES}-{_NAME_WORD}){_NAME_REST}"


_LOCATIVE = re.compile(
    r"(?:\b(?:in|into|inside|within|across|near|throughout)\s+"
    r"(?:(?:the\s+)?(?:southern|northern|eastern|western|central)\s+)?"
    # "on his way to South Korea": where someone is going, not who acts
    r"|\b(?:on\s+(?:his|her|their|the)\s+way|en\s+route)\s+(?:to|from)\s+)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One span that names an actor (known or not)."""

    start: int
    end: int
    name: str
    how: str


@functools.cache
def _cues() -> dict:
    data = load_yaml("actors.yaml")
    return {
        "agent": re.compile(
            rf"^\s*(?:(?:and|or|,)\s+[A-Z][a-z]+\s+)?(?:{phrase_pattern(data['agent_nouns'])})\b",
            re.I,
        ),
        "verb": re.compile(rf"^(?:'s\b|\s+(?:{_AUX})*(?:{phrase_pattern(data['actor_verbs'])})\b)"),
        "titles": phrase_pattern(data["person_titles"]),
        "titles_first": first_letters(data["person_titles"]),
        "title_words": {t.split()[0] for t in data["person_titles"] if t and t.split()},
        "name_cues": phrase_pattern(data["name_cues"]),
        "org_words": set(data["organization_words"]),
        "media_words": set(data["media_words"]),
        "not_names": set(data["not_names"]),
        "acronym": _acronym_pattern(data),
        "acronym_not_actors": set(word_list(data, "acronym_not_actors", "actors.yaml")),
        "mediator_before": _ending(word_list(data, "mediator_before", "actors.yaml")),
        "mediator_after": _opening(word_list(data, "mediator_after", "actors.yaml")),
        "host_before": _ending(word_list(data, "host_before", "actors.yaml")),
        "host_after": _opening(word_list(data, "host_after", "actors.yaml")),
        "host_objects": re.compile(rf"\b(?i:{_words(data, 'host_objects', 'talks')})\b"),
        "pair": re.compile(
            rf"\b(?i:{_words(data, 'pair_words', 'ceasefire')})\s+between\s+"
            r"(?:the\s+)?(?P<first>[^.;:,()]{1,60}?)\s+and\s+(?:the\s+)?\Z"
        ),
        "pair_first": re.compile(
            rf"\b(?i:{_words(data, 'pair_words', 'ceasefire')})\s+between\s+(?:the\s+)?\Z"
        ),
    }


def _words(data: dict, key: str, default: str) -> str:
    """The words under ``key`` of actors.yaml as one alternation (``default`` if missing)."""
    return phrase_pattern(word_list(data, key, "actors.yaml", (default,)))


def _acronym_pattern(data: dict) -> re.Pattern[str]:
    """An acronym where an actor stands: before a verb or a body's noun, or after a name cue."""
    acronym = r"[A-Z][A-Z0-9]{1,5}"
    after = phrase_pattern(word_list(data, "acronym_next", "actors.yaml", ("said",)))
    verbs = phrase_pattern(data["actor_verbs"])
    cues = phrase_pattern(data["name_cues"])
    return re.compile(
        rf"\b(?P<name>{acronym})\b(?=\s+(?:{after}|(?:{_AUX})*(?:{verbs}))\b)"
        rf"|\b(?:{cues})\s+(?:the\s+)?(?P<cued>{acronym})(?![\w'’-])"
    )


def _ending(phrases: list[str]) -> re.Pattern[str]:
    """Phrases that end right before a name (a space or "the" between)."""
    return re.compile(rf"\b(?i:{phrase_pattern(phrases)})\s+(?:the\s+)?\Z")


def _opening(phrases: list[str]) -> re.Pattern[str]:
    """Phrases that begin right after a name (a space, a hyphen, "'s" or ", which" between)."""
    return re.compile(
        rf"(?:['’]s\s+|,\s+which\s+(?:has\s+)?|\s+|-)(?i:{phrase_pattern(phrases)})\b"
    )


def find_mentions(text: str, gazetteer: Gazetteer, published: date | None) -> list[Mention]:
    """Return every actor mention in ``text``, known and unknown, in order."""
    norm = normalise(text)
    raw = gazetteer.find(text, published)
    kept = [
        m
        for m in _drop_nested_names(raw)
        if _in_context(m, norm, gazetteer) and not _inside_place(m, text, gazetteer)
    ]
    mentions = _merge_titles(kept, gazetteer)
    mentions += _surnames(text, mentions, gazetteer)
    mentions += _misspelled(text, mentions, gazetteer)
    mentions += _unknown(text, mentions, gazetteer)
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _inside_place(match: Match, text: str, gazetteer: Gazetteer) -> bool:
    """Is a state's name part of a longer place name ("Port Sudan", "Kuwait City")?"""
    if gazetteer.actors[match.actor].kind != "state" or match.how != "alias":
        return False
    return any(
        start <= match.start and match.end <= end and (end - start) > (match.end - match.start)
        for start, end, _ in gazetteer.places_over(text, match.start, match.end)
    )


def _drop_nested_names(matches: list[Match]) -> list[Match]:
    """Drop a name inside a longer name ("Israel" in "Times of Israel"), keep names in titles."""
    names = sorted(
        (m for m in matches if m.how in ("alias", "metonym", "demonym")), key=lambda m: m.start
    )
    starts = [m.start for m in names]
    longest = max((m.end - m.start for m in names), default=0)
    titles: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        if m.how == "description":
            titles[m.actor].append(m)
    kept = []
    for match in matches:
        # Only names that start at most ``longest`` characters before can contain this one.
        low = bisect.bisect_left(starts, match.start - longest)
        high = bisect.bisect_right(starts, match.start)
        inside = any(
            other is not match
            and match.end <= other.end
            and (other.end - other.start) > (match.end - match.start)
            for other in names[low:high]
        )
        covered_by_title = any(
            other.start <= match.start and match.end <= other.end and other is not match
            for other in titles.get(match.actor, ())
        )
        if not inside and not covered_by_title:
            kept.append(match)
    return kept


_BROKERED = re.compile(r"-(?i:brokered|mediated|hosted|led|backed|sponsored)\b")


def _in_context(match: Match, text: str, gazetteer: Gazetteer) -> bool:
    """Metonyms must act ("Washington urged"); demonyms must name a body or a people.

    A state named as a location ("a spokesman in Lebanon") is a place, not an actor.
    """
    cues = _cues()
    after = text[match.end : match.end + 60]
    if match.how == "alias" and gazetteer.actors[match.actor].kind == "state":
        return not _LOCATIVE.search(text[max(0, match.start - 30) : match.start])
    if match.how == "metonym":
        return bool(cues["verb"].match(after))
    if match.how == "demonym":
        if _BROKERED.match(after):
            return True  # "the Saudi-brokered talks": the state brokered them
        before = text[max(0, match.start - 4) : match.start].lower()
        if cues["agent"].match(after):
            return True
        # "the Israelis" is plural, "the Swiss newspaper" is not: a plural has a singular
        word = text[match.start : match.end]
        plural = word.endswith("s") and word[:-1] in gazetteer.actors[match.actor].demonyms
        if before.endswith("the ") and cues["verb"].match(after):
            return True  # "the Swiss said", "the Lebanese insist": a people acting
        return plural and (
            before.endswith("the ") or (not after[:1].isalpha() and not after.startswith(" "))
        )
    return True


def _merge_titles(matches: list[Match], gazetteer: Gazetteer) -> list[Mention]:
    """A title followed by the name it introduces is one mention of that name's actor."""
    out: list[Mention] = []
    skip: set[int] = set()
    ordered = sorted(matches, key=lambda m: (m.start, -m.end))
    for index, match in enumerate(ordered):
        if index in skip:
            continue
        if match.how == "description" and gazetteer.actors[match.actor].kind == "person":
            follower = _following_name(ordered, index)
            if follower is not None:
                name_match = ordered[follower]
                if (
                    name_match.actor == match.actor
                    or gazetteer.actors[name_match.actor].kind == "person"
                ):
                    skip.add(follower)
                    out.append(Mention(match.start, name_match.end, name_match.actor, "title+name"))
                    continue
        out.append(Mention(match.start, match.end, match.actor, match.how))
    return out


def _following_name(ordered: list[Match], index: int) -> int | None:
    title = ordered[index]
    for later in range(index + 1, len(ordered)):
        other = ordered[later]
        if other.start < title.end:
            continue
        if other.start - title.end <= 2 and other.how == "alias":
            return later
        return None
    return None


def _surnames(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """After a person's full name, their surname alone names them ("Barnea", "Kirby")."""
    taken = Spans((m.start, m.end) for m in mentions)
    found = []
    first_seen: dict[str, int] = {}
    for mention in mentions:
        if (
            mention.how in ("alias", "title+name")
            and len(text[mention.start : mention.end].split()) >= 2
        ):
            first_seen.setdefault(mention.name, mention.end)
    for name, after in first_seen.items():
        for surname in gazetteer.surnames(name):
            if text.find(surname, after) == -1:
                continue
            for match in _whole_word(surname).finditer(text, after):
                if not taken.overlaps(*match.span()):
                    found.append(Mention(*match.span(), name, "surname"))
                    taken.add(*match.span())
    return found


# A capitalised word (not inside a hyphenated one): the capital is read first, then what comes
# before it is checked, so the engine skips from capital to capital.
_CAPITALISED = re.compile(r"[A-Z](?<![\w-].)[a-zà-ÿ]{4,}(?:-[A-Z][a-zà-ÿ]+)?(?![\w-])")
MIN_SIMILARITY = 88
"""Lowest rapidfuzz ratio (0-100) at which an unknown word is read as a known name."""


def _misspelled(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Known names spelled another way ("Netanjahu", "Witkof"), matched by similarity."""
    from rapidfuzz import fuzz, process

    index = gazetteer.spelling_index()
    taken = Spans((m.start, m.end) for m in mentions)
    not_names = _cues()["not_names"]
    places = gazetteer.place_words()
    demonyms = gazetteer.demonym_words()  # "Somali pirates" is no misspelled "Somalia"
    choices = list(index)
    found = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if word in index or word in not_names or word.lower() in places or word in demonyms:
            continue
        if taken.overlaps(*match.span()):
            continue
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
        if best and same_initial(best[0], word):
            found.append(Mention(match.start(), match.end(), index[best[0]], "spelling"))
    return found


def same_initial(known: str, written: str) -> bool:
    """Do two spellings of a name open alike, as transliterations differ?

    The same letter, two vowels ("Obeida", "Ubeyde") or "Kh" for "H" ("Khaniya", "Haniya").
    """
    a, b = known[:2].lower(), written[:2].lower()
    if not a or not b:
        return False
    if a[0] == b[0] or (a[0] in _VOWELS and b[0] in _VOWELS):
        return True
    return {a[0], b[:2]} == {"h", "kh"} or {b[0], a[:2]} == {"h", "kh"}


_VOWELS = set("aeiouáéíóúâêîôûäëïöü")


def _respelled(name: str, gazetteer: Gazetteer) -> str | None:
    """The known person a name of two words or more spells another way, if one is close."""
    if len(name.split()) < 2:
        return None
    from rapidfuzz import fuzz, process

    choices = gazetteer.full_names()
    best = process.extractOne(name, list(choices), scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
    if best is None:
        return None
    written, known = name.split(), best[0].split()
    if not same_initial(written[-1], known[-1]):
        return None  # "Mohammed Deif" is not "Mohammed Dahlan", however close the letters
    return choices[best[0]]


@functools.cache
def _unknown_patterns() -> tuple[Anchored, tuple[re.Pattern[str], Anchored], re.Pattern[str]]:
    """Names in actor positions: after a title, before what follows a name, after a cue.

    The positions after a name are one alternation, so the text is scanned for names once;
    the group that matched says which position it was.
    """
    cues = _cues()
    titles = cues["titles"]
    # "Finance Minister Bezalel Smotrich", "Hamas official Basem Naim",
    # "the National Security Adviser, Tzachi Hanegbi, said"
    # Tried only where a title begins (briefing.anchored), which is where every match starts.
    title = Anchored(
        re.compile(rf"{cues['titles_first']}s?,?\s+(?P<name>{_NAME})"), cues["title_words"]
    )
    positions = (
        # "Eli Sharabi, 52," "Hersh Goldberg-Polin, 23.": a named person and their age
        rf"(?:(?P<age>,\s+[1-9]\d?(?=[,.;)]|\s+(?:and|were|was)\b))"
        # "Bezalel Smotrich, a senior Hamas official"
        rf"|(?P<apposition>,\s+(?:a|an|the|who\s+is\s+(?:a|an|the))\s+"
        rf"(?:[\w’'-]+\s+){{0,5}}?(?i:{titles})\b)"
        # "X said", "X told"
        r"|(?P<speaker>\s+(?:said|told|says|added|explained|stressed)\b))"
    )
    # A name opens with a capitalised word or with a particle and a hyphen ("al-Thani"). The
    # two openings are two patterns: the first lets the engine skip to capitals, the second
    # is tried only where a particle and its hyphen occur (briefing.anchored).
    named = (
        re.compile(rf"(?P<name>{_NAME_WORD}{_NAME_REST}){positions}"),
        Anchored(
            re.compile(rf"(?P<name>{_PARTICLES}-{_NAME_WORD}{_NAME_REST}){positions}"),
            {f"{word.lower()}-" for word in _PARTICLE_WORDS},
            word_start=False,
        ),
    )
    # "according to X", "led by X"
    cue = re.compile(rf"\b(?:{cues['name_cues']})\s+(?:the\s+)?(?P<name>{_NAME})")
    return title, named, cue


def _unknown_matches(text: str) -> list[tuple[str, re.Match[str]]]:
    """``(position, match)`` of each name in an actor position, title ones first."""
    title, named, cue = _unknown_patterns()
    by_name: dict[str, list[re.Match[str]]] = {"age": [], "apposition": [], "speaker": []}
    for match in _named_matches(text, *named):
        by_name[match.lastgroup or ""].append(match)
    return [
        *(("title", m) for m in title.finditer(text)),
        *(("age", m) for m in by_name["age"]),
        *(("apposition", m) for m in by_name["apposition"]),
        *(("cue", m) for m in cue.finditer(text)),
        *(("speaker", m) for m in by_name["speaker"]),
    ]


def _acronyms(text: str, taken: Spans, places: Spans) -> list[tuple[int, int, str]]:
    """Unknown bodies named by an acronym where an actor stands: "the RSF said", "M23 rebels"."""
    cues = _cues()
    out = []
    for match in cues["acronym"].finditer(text):
        group = "name" if match.group("name") else "cued"
        start, end = match.span(group)
        name = match.group(group)
        if name in cues["acronym_not_actors"]:
            continue
        if taken.overlaps(start, end) or places.overlaps(start, end):
            continue
        out.append((start, end, name))
    return out


def _named_matches(text: str, capital: re.Pattern[str], particle: Anchored) -> list[re.Match[str]]:
    """The matches of the name patterns as one alternation (capital first) would give them."""
    out: list[re.Match[str]] = []
    position = 0
    first, second = capital.search(text), particle.search(text)
    while first is not None or second is not None:
        if second is None or (first is not None and first.start() <= second.start()):
            match = first
        else:
            match = second
        out.append(match)
        position = match.end()
        if first is not None and first.start() < position:
            first = capital.search(text, position)
        if second is not None and second.start() < position:
            second = particle.search(text, position)
    return out


def _unknown(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Named people and bodies in actor-like positions that the gazetteer does not know."""
    cues = _cues()
    taken = Spans([(m.start, m.end) for m in mentions])
    places = Spans((a, b) for a, b, _ in gazetteer.find_places(text))
    found: list[Mention] = []
    names: dict[str, str] = {}
    for how, match in _unknown_matches(text):
        span = _name_span(text, *match.span("name"), how, cues["not_names"])
        if span is None:
            continue
        start, end, name = span
        if taken.overlaps(start, end) or places.overlaps(start, end):
            continue
        known = _respelled(name, gazetteer)
        if known is not None:  # "Wiliam Burns": a known person, spelled another way
            found.append(Mention(start, end, known, "spelling"))
            taken.add(start, end)
            continue
        names.setdefault(name, how)
        found.append(Mention(start, end, name, f"unknown:{how}"))
        taken.add(start, end)
    for start, end, name in _acronyms(text, taken, places):
        names.setdefault(name, "acronym")
        found.append(Mention(start, end, name, "unknown:acronym"))
        taken.add(start, end)
    for name in names:  # later mentions of the same unknown name
        for match in _whole_word(name).finditer(text):
            if not taken.overlaps(*match.span()):
                found.append(Mention(match.start(), match.end(), name, "unknown:repeat"))
                taken.add(*match.span())
    return found


@functools.lru_cache(maxsize=1024)
def _whole_word(phrase: str) -> re.Pattern[str]:
    """``phrase`` as a whole word, not inside a hyphenated one."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_WORD = re.compile(r"\S+")


def _name_span(
    text: str, start: int, end: int, how: str, not_names: set[str]
) -> tuple[int, int, str] | None:
    """Where the name found at ``text[start:end]`` lies once trimmed, and the name itself.

    The name is trimmed of words that are not names (a leading demonym, a trailing "The");
    a name never runs over a blank line: the part next to the cue that found it is kept
    (the last part before "said" or ", 52,", the first after a title or "according to").
    A name wrapped over two lines or spaced twice is given with single spaces.
    """
    parts = _PARAGRAPH_BREAK.split(text[start:end])
    if len(parts) > 1:
        if how in ("title", "cue"):
            end = start + len(parts[0])
        else:
            start = end - len(parts[-1])
    words = list(_WORD.finditer(text, start, end))
    while words and _not_name(words[0].group(), not_names, leading=True):
        words.pop(0)  # "Israeli-American Hersh Goldberg-Polin": the demonym is not the name
    while words and words[-1].group().rstrip(".") in not_names:
        words.pop()
    if len(words) < 2 or any(w.group().rstrip(".") in not_names for w in words):
        return None
    return words[0].start(), words[-1].end(), " ".join(w.group() for w in words)


def _not_name(word: str, not_names: set[str], leading: bool = False) -> bool:
    return word.rstrip(".") in not_names or (leading and word.split("-")[0] in not_names)


_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")


def infer_kind(name: str) -> str:
    """Guess the kind of an unknown actor from the last word of its name."""
    cues = _cues()
    last = name.split()[-1]
    if _ACRONYM.fullmatch(name):
        return "organization"  # "RSF", "M23": a body
    if last in cues["media_words"]:
        return "media"
    if last in cues["org_words"]:
        return "organization"
    return "person"


def _infer_affiliation(
    text: str, mention: Mention, gazetteer: Gazetteer, published: date | None
) -> str | None:
    """The state or group named in the words around an unknown actor's first mention."""
    before = re.split(r"[.;!?]\s", text[max(0, mention.start - 40) : mention.start])[-1]
    after = re.split(r"[.;!?](?:\s|$)", text[mention.end : mention.end + 60])[0]
    around = gazetteer.find(before + " " + after, published)
    groups = [
        m.actor for m in around if gazetteer.actors[m.actor].kind in ("state", "organization")
    ]
    if not groups:
        return None
    return groups[0]


def extract_actors(
    article_id: str,
    text: str,
    gazetteer: Gazetteer,
    published: date | None = None,
    sources: set[str] | None = None,
    mentions: list[Mention] | None = None,
) -> list[ActorRecord]:
    """Return one actor record per actor named in ``text``.

    ``sources`` are the canonical names the article cites for figures or claims; a non-party
    actor named only as such a source takes the role ``source`` in this article. ``mentions``
    may be given when already found (see :func:`find_mentions`).
    """
    if mentions is None:
        mentions = find_mentions(text, gazetteer, published)
    spans: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        spans[mention.name].append(mention)
    records = []
    for name, named in spans.items():
        known = name in gazetteer.actors
        if known:
            actor = gazetteer.actors[name]
            kind, affiliation, role = actor.kind, actor.affiliation, actor.role
        else:
            kind = infer_kind(name)
            affiliation = _infer_affiliation(text, named[0], gazetteer, published)
            role = "source" if kind == "media" else "other"
        role = _role_in_article(role, kind, name, named, text, sources or set())
        records.append(
            ActorRecord(
                article=article_id,
                name=name,
                kind=kind,
                affiliation=affiliation,
                role=role,
                mentions=len(named),
                spans=[[m.start, m.end] for m in named],
                known=known,
            )
        )
    records.sort(key=lambda r: r.spans[0][0])
    return records


# The same as \b(?:according to|reported|...)\b with re.IGNORECASE, opening with the first
# letters so the engine skips to them (tests/test_quick.py).
_QUOTED = re.compile(
    first_letters(
        ["according to", "reported", "said", "says", "told", "cited", "quoted", "confirmed"],
        space=" ",
    )
    + r"\b"
)


def _role_in_context(named: list[Mention], text: str) -> str | None:
    """The role the words around a mention give an actor: mediator, host or party.

    "mediated by Angola", "the Saudi-brokered talks" (mediator), "hosted by Oman" (host), "the
    ceasefire between the army and the RSF" (party: a side of the step or the conflict).
    """
    cues = _cues()
    found: set[str] = set()
    for mention in named:
        before = text[max(0, mention.start - 90) : mention.start]
        after = text[mention.end : mention.end + 30]
        if cues["mediator_before"].search(before) or cues["mediator_after"].match(after):
            found.add("mediator")
        elif _hosts_talks(cues, before, text, mention):
            found.add("host")
        elif cues["pair_first"].search(before) or cues["pair"].search(before):
            found.add("party")
    for role in ("mediator", "party", "host"):
        if role in found:
            return role
    return None


def _hosts_talks(cues: dict, before: str, text: str, mention: Mention) -> bool:
    """Is the actor said to host talks ("talks hosted by Oman", "Oman, which hosted talks")?"""
    if cues["host_before"].search(before):
        return bool(cues["host_objects"].search(before[-60:]))
    hosted = cues["host_after"].match(text, mention.end)
    return bool(hosted) and bool(cues["host_objects"].search(text, hosted.end(), hosted.end() + 40))


def _role_in_article(
    role: str, kind: str, name: str, named: list[Mention], text: str, sources: set[str]
) -> str:
    """Outlets are sources; a non-party named only where it is quoted is a source here."""
    if kind == "media":
        return "source"
    if role in ("party", "source"):
        return role
    if role == "other":
        role = _role_in_context(named, text) or role
        if role != "other":
            return role
    quoted = all(
        _QUOTED.search(text[max(0, m.start - 20) : m.start] + " " + text[m.end : m.end + 25])
        for m in named
    )
    if quoted and name in sources:
        return "source"
    return role
