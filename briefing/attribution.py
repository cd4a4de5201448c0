"""Who a sentence says a figure comes from ("according to the enclave's Ministry of Health")."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.vocab import load_yaml, phrase_pattern, word_start

SourceResolver = Callable[[str], "str | None"]
"""Maps a source phrase ("the enclave's Ministry of Health") to a canonical actor name."""


def attribution(
    text: str,
    sentence: tuple[int, int],
    position: int,
    resolve_source: SourceResolver | None,
    clause: tuple[int, int] | None = None,
) -> str | None:
    """The source of a figure at ``position``: a canonical actor name, or the phrase as written.

    Phrases such as "an AFP count based on official Israeli figures" are kept as written
    (without the article), since the count, not the agency, is the source. ``clause`` limits
    the search for a figure in a relative clause ("the attack, in which 1,200 were killed,
    has..."): a source elsewhere in the sentence speaks of the main clause only.
    """
    phrase = find_source(text, sentence, position, clause)
    if phrase is None:
        return None
    return normalise_source(phrase, resolve_source)


_LEADING_DETERMINER = re.compile(
    r"^(?:(?:the|an?|its|their)\s+|(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+(?=[A-Z]\S*\s+[A-Z]))", re.I
)
"""An article, or a title before a name of two words or more ("Dr Rik Peeperkorn")."""


@functools.cache
def _normalising_patterns() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    """Phrases kept as written (any of them, as a whole word) and the rewrites, compiled."""
    data = load_yaml("attribution.yaml")
    keep = "|".join(rf"\b{re.escape(k)}\b" for k in data["keep_as_written"]) or "(?!)"
    rewrites = [(re.compile(p, re.I), r) for p, r in data["rewrites"]]
    return re.compile(keep, re.I), rewrites


@functools.cache
def _outlet() -> re.Pattern[str]:
    """An outlet's kind, then its capitalised name, ending the phrase."""
    kinds = phrase_pattern(load_yaml("attribution.yaml").get("media_nouns") or [])
    return re.compile(
        rf"(?:[\w’'-]+\s+){{0,3}}?(?i:{kinds})\s+"
        r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
        r"March|April|May|June|July|August|September|October|November|December)\b)"
        r"(?P<name>[A-Z][\w’'-]*(?:[\s-](?:al-)?[A-Z][\w’'-]*){0,3})\Z"
    )


@functools.cache
def _issuers() -> list[re.Pattern[str]]:
    return [re.compile(p, re.I) for p in load_yaml("attribution.yaml").get("issuers") or []]


def normalise_source(phrase: str, resolve_source: SourceResolver | None) -> str | None:
    """A source phrase as a canonical actor name where one is known, else as written."""
    data = load_yaml("attribution.yaml")
    keep_as_written, rewrites = _normalising_patterns()
    cleaned = _TRAILING_DAY.sub("", _LEADING_DETERMINER.sub("", phrase.strip(" ,.;:")))
    for issuer in _issuers():
        issued = issuer.match(cleaned)
        if issued:  # "the last count published on Monday by the ministry": the ministry
            phrase = issued.group(1)
            cleaned = _LEADING_DETERMINER.sub("", phrase.strip(" ,.;:"))
            break
    reporter = _REPORTER.match(cleaned)
    if reporter:  # "Anadolu Agency's correspondent": the agency
        cleaned = reporter["outlet"]
        phrase = cleaned
    outlet = _outlet().match(cleaned)
    if outlet:  # "the Lebanese channel Al-Mayadeen": Al-Mayadeen
        name = outlet["name"]
        return (resolve_source(name) if resolve_source else None) or name
    if keep_as_written.search(cleaned):
        named = resolve_source(cleaned) if resolve_source else None
        # "Gaza's Government Media Office" is an actor whose own name holds "media".
        return named if named and keep_as_written.search(named) else cleaned
    if cleaned in data["metonyms"]:
        return data["metonyms"][cleaned]
    if resolve_source:
        rewritten = cleaned
        for pattern, replacement in rewrites:
            rewritten = pattern.sub(replacement, rewritten)
        name = (
            (resolve_source(rewritten) if rewritten != cleaned else None)
            or resolve_source(phrase.strip(" ,.;:"))
            or resolve_source(cleaned)
        )
        if name and _HEALTH_BODY.search(cleaned) and "health" not in name.lower():
            return cleaned  # "Lebanon's health ministry" is not Lebanon: kept as written
        if name:
            return name
    return cleaned or None


_TRAILING_DAY = re.compile(
    r"\s+(?:on\s+|last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\Z"
)
"""A day after the source, as wire copy writes it: "figures released by the agency Tuesday"."""
_REPORTER = re.compile(
    r"(?P<outlet>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)[’']s?\s+(?:own\s+)?"
    r"(?i:correspondents?|reporters?|journalists?|crew|team)\Z"
)
_HEALTH_BODY = re.compile(
    r"\bhealth\s+(?:ministry|authority|authorities|department|directorate)\Z"
    r"|\bministry\s+of\s+(?:public\s+)?health\Z",
    re.I,
)
"""A health ministry is a source of its own (tolls), not the state it belongs to; a foreign
ministry speaks for its state ("the Qatari foreign ministry" is Qatar)."""


@functools.cache
def _attribution_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The source before a verb of saying, the subject of one, and the inverted subject."""
    data = load_yaml("attribution.yaml")
    # Compiled case-sensitive with the rest case-insensitive: word_start then scans quickly.
    before = re.compile(
        rf"{word_start(data['before'])}(?i:\s+(?P<src>(?:(?:Dr|Prof|Mr|Mrs|Ms)\.\s+)?[^,;:.()“”\"]+?)"
        rf"(?=\s*(?:[,;:.()“”\"]|$|\s+(?:that|which|who|show|shows)\b)))"
    )
    verbs = phrase_pattern(data["verbs"] + data["weak_verbs"])
    subject = re.compile(
        rf"(?:^|[,;:“”\"]\s*|\b(?:and|but|what|whom|who|which|that)\s+)(?P<src>(?:[\w’'-]+\s+){{0,7}}?[\w’'-]+)\s+"
        rf"(?:(?:also|has|have|had|since|instead|then|in\s+turn|privately|publicly)\s+)*"
        rf"(?P<verb>{verbs})\b",
        re.I,
    )
    # "subject" and "inverted" need a verb of saying: _candidates skips sentences without one.
    inverted = re.compile(
        rf"{word_start(data['verbs'] + data['weak_verbs'])}"
        rf"(?i:\s+(?P<src>the\s+[\w’' -]{{3,60}}?)(?=\s*[,.;]|$))"
    )
    return before, subject, inverted


@functools.cache
def _verb_pattern() -> re.Pattern[str]:
    data = load_yaml("attribution.yaml")
    verbs = data["verbs"] + data["weak_verbs"]
    return re.compile(rf"{word_start(verbs)}\b")


_NOT_SOURCES = re.compile(
    r"^(?:he|she|it|they|we|i|you|this|that|which|who|and|but|also|there|one|official|officials"
    r"|sources?|media|reports?|police|witnesses|the source)$",
    re.I,
)


_COUNT_NOUNS = ("count", "tally", "figures", "estimate", "data", "toll")
_POSSESSIVE = re.compile(
    r"\b(?P<src>(?:an?\s+|the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)(?:’s?|'s?)?\s+"
    rf"(?:latest\s+|own\s+|official\s+)?(?:{'|'.join(_COUNT_NOUNS)})\b"
)
"""'Hamas' figures', 'the ministry's latest tally': a count owned by a source."""
_COUNTED_NOUNS = {"hostages", "people", "palestinians", "prisoners", "israelis", "civilians"}


def find_source(
    text: str, sentence: tuple[int, int], position: int, clause: tuple[int, int] | None = None
) -> str | None:
    """Return the phrase that the sentence gives as the source of a figure at ``position``.

    A source after the figure in its clause covers it ("..., 70 were killed, according to
    X"); otherwise the nearest source of the clause, then of the sentence; a weak one
    ("Hamas accused Israel of...") only when there is no other.
    """
    s_start, s_end = sentence
    sentence_text = _mask_appositions(text[s_start:s_end])
    position -= s_start
    strong, weak = _candidates(sentence_text)
    if clause is not None:
        lo, hi = clause[0] - s_start, clause[1] - s_start
        window = (lo, min(len(sentence_text), hi + 25))
        strong = [c for c in strong if window[0] <= c[0] < window[1]]
        weak = [c for c in weak if window[0] <= c[0] < window[1]]
    part = _part(sentence_text, position)
    weak = [c for c in weak if c[0] < position]  # "Hamas accused Israel..., saying ... 2 killed"
    in_part = [c for c in strong if part[0] <= c[0] < part[1]]
    weak_in_part = [c for c in weak if part[0] <= c[0] < part[1]]
    for pool in (in_part, weak_in_part, strong):
        if not pool:
            continue
        # "While the ministry says 34,000 were killed, Israel says ...": the figure is the
        # opening clause's, whose source comes before it with no comma between.
        own = [
            c
            for c in pool
            if c[3] and c[1] <= position and "," not in sentence_text[c[1] : position]
        ]
        if own:
            return _antecedent(max(own), [*strong, *weak])
        # "Israel says 59 hostages remain, and Hamas says 24 are alive": a source right
        # before the figure, with no comma between, is its own; a later one is another's.
        said_before = [
            c
            for c in pool
            if not c[3] and c[1] <= position and not _BREAK.search(sentence_text, c[1], position)
        ]
        if said_before and pool is not weak_in_part:
            return _antecedent(max(said_before), [*strong, *weak])
        after = [c for c in pool if c[0] > position and not c[3]]
        chosen = min(after) if after else min(pool, key=lambda c: abs(c[0] - position))
        return _antecedent(chosen, [*strong, *weak])
    return None


def _antecedent(chosen: Candidate, candidates: list[Candidate]) -> str | None:
    """The source a pronoun stands for: "the ministry raised the toll; according to it, ..."."""
    if chosen[2].lower() not in ("it", "they"):
        return chosen[2]
    earlier = [c for c in candidates if c[0] < chosen[0] and c[2].lower() not in ("it", "they")]
    return max(earlier)[2] if earlier else chosen[2]  # resolved later from the actors named


def _part(sentence_text: str, position: int) -> tuple[int, int]:
    """The stretch of the sentence between semicolons that holds ``position``."""
    start = sentence_text.rfind(";", 0, position) + 1
    end = sentence_text.find(";", position)
    return start, end if end != -1 else len(sentence_text)


@functools.cache
def _apposition() -> re.Pattern[str]:
    verbs = phrase_pattern(load_yaml("attribution.yaml")["verbs"])
    return re.compile(
        r"(?<=[A-Za-z]),\s+(?:run|controlled|led|headed|based|the|which|who|whose)\b[^,;]{2,70},"
        rf"(?=\s+(?:{verbs})\b)"
    )


@functools.lru_cache(maxsize=4)
def _mask_appositions(sentence_text: str) -> str:
    """Blank out appositions before a reporting verb, keeping offsets.

    "X, run by Hamas, said" and "X, the UN agency for ..., says" then read as "X said".
    """
    return _apposition().sub(lambda m: " " * len(m.group()), sentence_text)


Candidate = tuple[int, int, str, bool]  # start, end, phrase, embedded in a relative clause


@functools.lru_cache(maxsize=4)
def _candidates(sentence_text: str) -> tuple[tuple[Candidate, ...], tuple[Candidate, ...]]:
    """Every source phrase of a sentence: strong ones and weak ones.

    Read once per sentence (cached), however many figures the sentence holds.
    """
    before, subject, inverted = _attribution_patterns()
    data = load_yaml("attribution.yaml")
    strong: list[Candidate] = []
    weak: list[Candidate] = []
    for match in before.finditer(sentence_text):
        issued = _ISSUED_IN_CLAUSE.match(sentence_text, match.start("src"))
        if issued:  # "according to figures that the Lebanese health ministry published"
            strong.append((issued.start("src"), issued.end("src"), issued["src"], False))
        elif not is_document(match["src"]) and not _TIME_WORD.match(match["src"]):
            strong.append((match.start("src"), match.end("src"), match["src"], False))
    for match in _passive().finditer(sentence_text):
        if not any(c[0] <= match.start("src") < c[1] for c in strong):
            strong.append((match.start("src"), match.end("src"), match["src"], False))
    has_verb = _verb_pattern().search(sentence_text) is not None
    for match in subject.finditer(sentence_text) if has_verb else ():
        found = _subject(match, sentence_text)
        if found:
            verb = match.group("verb").lower()
            (weak if verb in data["weak_verbs"] else strong).append(found)
    for match in inverted.finditer(sentence_text) if has_verb else ():
        taken = any(c[0] <= match.start("src") < c[1] for c in strong)
        if not taken and not re.search(
            r"\b(?:evening|morning|day|night|week|time|that)\b|\d", match["src"]
        ):  # "said the army knows of fewer than 100 victims", "told the paper that ...": no source
            strong.append((match.start("src"), match.end("src"), match["src"], False))
    # Every match holds one of the count nouns: a sentence without them is not scanned.
    owned = any(noun in sentence_text for noun in _COUNT_NOUNS)
    for match in _POSSESSIVE.finditer(sentence_text) if owned else ():
        owner = match["src"]
        if owner in _NOT_OWNERS or any(
            a < match.end("src") and match.start("src") < b for a, b, *_ in strong
        ):
            continue
        # "Gaza toll", "Hamas' figures": a possessive only counts when no one is said to speak.
        weak.append((match.start("src"), match.end("src"), owner, False))
    return tuple(strong), tuple(weak)


_ISSUED_IN_CLAUSE = re.compile(
    r"(?:(?:the|its|their|new|latest|last|official)\s+)*(?i:figures|count|toll|tally|data|"
    r"statistics)\s+(?:that|which)\s+(?P<src>[^,;.()]{3,60}?)\s+(?i:published|released|"
    r"issued|compiled|gave|provided|updated)\b"
)
"""A count named with the body that issued it in a relative clause: the body is the source."""


def _subject(match: re.Match[str], sentence_text: str) -> Candidate | None:
    """The subject of a reporting verb, less leading words that are not part of it."""
    src = match["src"].strip()
    lead = re.match(
        r"(?:(?:of|among|in|what|whom|who|which|that|and|but|while|whereas|although|though"
        r"|because|when)\s+)+",
        src,
        re.I,
    )
    offset = match.start("src") + (lead.end() if lead else 0)
    src = src[lead.end() :] if lead else src
    words = src.split()
    if (
        not words
        or _NOT_SOURCES.match(src)
        or re.search(r"\d", src)
        or words[-1].lower() in _COUNTED_NOUNS | _NOT_LAST
        or is_document(src)
    ):
        return None
    plural = " ".join(w.lower() for w in words) in load_yaml("attribution.yaml")["plural_sources"]
    body = words[-1].lower() in _BODIES and len(words) <= 3  # "health ministry says"
    if src[0].islower() and not re.match(r"(?:the|an?)\s", src, re.I) and not plural and not body:
        return None
    # "..., while Trump has spoken of 21" opens a clause of its own: like a relative clause,
    # it does not cover the figures before it.
    embedded = bool(re.search(r"\b(?:who|whom|which|that)\s+$", sentence_text[:offset])) or bool(
        lead and _SUBORDINATOR.search(lead.group())
    )
    return offset, offset + len(src), src, embedded


_BREAK = re.compile(r"[,;:()“”\"]")
_SUBORDINATOR = re.compile(r"\b(?i:while|whereas|although|though|because|when)\b")
_BODIES = {
    "ministry",
    "army",
    "military",
    "authorities",
    "office",
    "agency",
    "officials",
    "police",
    "government",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "defence",
    "defense",
}
_DETERMINERS = {"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our"}
_NOT_OWNERS = _DETERMINERS | {"Death", "Casualty", "Casualties", "Total", "Overall", "Latest"}
"""Capitalised words before "toll" or "count" that open a label, not name an owner."""
_TIME_WORD = re.compile(r"(?:day|week|month|year|hour|night|person|head|cent)s?$", re.I)
_NOT_LAST = {"is", "are", "was", "were", "be", "been", "it", "they", "he", "she", "we", "to"}


def is_document(phrase: str) -> bool:
    """True for a text rather than a body ("the text", "a copy of the agreement")."""
    words = re.sub(r"^(?:the|an?|its|their)\s+", "", phrase.strip(), flags=re.I).split()
    documents = load_yaml("attribution.yaml")["documents"]
    return bool(words) and (words[0].lower() in documents or words[-1].lower() in documents)


@functools.cache
def _passive() -> re.Pattern[str]:
    verbs = phrase_pattern(load_yaml("attribution.yaml")["passive"])
    return re.compile(
        rf"\b(?:{verbs})\b[^,;.]{{0,40}}?\bby\s+(?P<src>(?:the\s+)?[A-Z][\w’'-]*"
        r"(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)"
    )


_PRONOUN_SOURCE = re.compile(r"\b(?:it|they)\s+(?:said|says|added|adds|reported|reports)\b", re.I)


_SAME = re.compile(r"(?:(?:the\s+)?same|these|those)\s+[\w’'-]+\Z", re.I)
"""A source that points back: "the same reports", "these sources"."""


@dataclass
class SourceTrail:
    """What the sentences before say about sources, for figures whose own sentence names none.

    ``opener`` is an "According to X, ..." that opened the sentence before (it covers the next
    one too); ``last`` the last source of the sentence before ("..., it said" points there);
    ``seen`` every source so far, so that "the ministry" is the ministry named earlier.
    """

    opener: str | None = None
    last: str | None = None
    seen: list[str] = field(default_factory=list)

    def source(
        self, found: str | None, sentence_text: str, background: bool, known: bool = False
    ) -> str | None:
        """The source of a figure given the one its sentence names (``found``).

        ``background`` marks a figure in a relative clause, which earlier sources do not cover;
        ``known`` a source that is already a canonical actor name.
        """
        if found and _SAME.match(found) and (self.last or self.seen):
            return self.last or self.seen[-1]  # "according to the same reports"
        if found:
            return found if known else self._expand(found)
        if background:
            return None
        if _PRONOUN_SOURCE.search(sentence_text):
            return self.last or self.opener
        return self.opener

    def _expand(self, found: str) -> str:
        """Widen a bare name ("ministry") to an earlier source holding it ("Gaza Ministry...")."""
        if found in self.seen:
            return found
        words = re.sub(r"^(?:the|an?)\s+", "", found, flags=re.I)
        for earlier in reversed(self.seen):
            if re.search(rf"\b{re.escape(words)}\b", earlier, re.I) and len(earlier) > len(words):
                return earlier
        return found

    def end_sentence(self, sources: list[str], opener: str | None, paragraph_break: bool) -> None:
        """Record a sentence's sources once its figures are made."""
        self.seen.extend(s for s in sources if s not in self.seen)
        self.last = sources[-1] if sources else (None if paragraph_break else self.last)
        self.opener = opener or (None if paragraph_break else self.opener)


@functools.cache
def _generic_source() -> re.Pattern[str]:
    """A source named by its kind only ("the ministry", "the army", "the movement")."""
    kinds = "|".join(map(re.escape, load_yaml("attribution.yaml").get("generic_kinds") or []))
    return re.compile(rf"(?:the\s+)?(?:(?P<modifier>[a-z]+)\s+)?(?P<head>{kinds or '(?!)'})", re.I)


def resolve_generic_source(
    source: str | None,
    position: int,
    earlier: list[tuple[int, str]],
    words_of: Callable[[str], str],
    is_body: Callable[[str], bool] = lambda name: True,
) -> str | None:
    """The actor a generic source stands for: the last one named before it of that kind.

    ``earlier`` holds (start, canonical name) of the article's actor mentions in order;
    ``words_of`` gives the words an actor is known by (its name, aliases and descriptions).
    "the ministry" after "Gaza's health ministry said ..." is the Gaza Ministry of Health;
    "the army" after "the Israeli army" is the Israel Defense Forces. A source that is
    already an actor name, or no actor of that kind before it, leaves the source as it is. A
    pronoun ("according to it") is the last actor before it for which ``is_body`` holds (an
    organization or a state, not a person), or no source.
    """
    if not source:
        return source
    if source.lower() in ("it", "they"):
        # "according to it": the last body named before it, else no source at all
        bodies = [name for start, name in earlier if start < position and is_body(name)]
        return bodies[-1] if bodies else None
    generic = _generic_source().fullmatch(source.strip())
    if generic is None or source[:1].isupper():
        return source
    # The kind must end one of the actor's names ("Israeli military", not "military wing"),
    # and a word before it must be one of its words too ("foreign ministry" is not the
    # health ministry).
    head = re.compile(rf"\b{generic['head']}s?(?= \||$)", re.I)
    modifier = generic["modifier"]
    for start, name in reversed(earlier):
        words = words_of(name)
        if start >= position or not head.search(words):
            continue
        if modifier and not re.search(rf"\b{re.escape(modifier)}\b", words, re.I):
            continue
        return name
    return source
