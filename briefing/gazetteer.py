"""Loading the actor and place data and compiling the matchers once.

Names are found with Aho-Corasick automata (pyahocorasick): one case-sensitive automaton for
aliases, metonyms and demonyms, one case-insensitive automaton for descriptions. Matching is
on a normalised copy of the text of the same length (curly apostrophes made straight), so
offsets hold in the original.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from briefing import config
from briefing.spans import ByStart
from briefing.vocab import read_yaml

KINDS = ("person", "organization", "state", "media")
ROLES = ("party", "mediator", "host", "source", "other")


class GazetteerError(ValueError):
    """The gazetteer or places file is malformed; the message names the file and entry."""


@dataclass(frozen=True, slots=True)
class Actor:
    """One gazetteer entry."""

    name: str
    kind: str
    role: str
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Description:
    """A title or phrase that designates an actor, optionally only within a window."""

    actor: str
    text: str
    start: date | None = None
    until: date | None = None

    def valid_on(self, when: date | None) -> bool:
        """True if the description designates its actor on ``when`` (always if unknown)."""
        if when is None:
            return self.until is None  # undated article: the current holder
        return (self.start is None or self.start <= when) and (
            self.until is None or when <= self.until
        )


@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer hit in text. ``how`` is alias, description, metonym or demonym."""

    start: int
    end: int
    actor: str
    how: str


@dataclass(slots=True)
class Place:
    """A place where negotiation events happen."""

    name: str
    country: str | None
    aliases: tuple[str, ...] = ()


RESOLVE_MEMORY = 20_000
"""Most source phrases whose canonical actor a gazetteer remembers at once."""


@dataclass(slots=True)
class Gazetteer:
    """The compiled actor and place data."""

    actors: dict[str, Actor]
    descriptions: list[Description]
    places: dict[str, Place]
    _names: ahocorasick.Automaton = field(repr=False, default=None)
    _titles: ahocorasick.Automaton = field(repr=False, default=None)
    _places: ahocorasick.Automaton = field(repr=False, default=None)
    _spellings: dict[str, str] | None = field(repr=False, default=None)
    _full_names: dict[str, str] | None = field(repr=False, default=None)
    _hits_memo: tuple[str, ByStart[tuple[int, int, str]]] | None = field(
        repr=False, default=None, compare=False
    )
    _resolved: dict[tuple[str, date | None], str | None] = field(
        repr=False, default_factory=dict, compare=False
    )
    _derived: dict[str, Any] = field(repr=False, default_factory=dict, compare=False)

    def find(self, text: str, when: date | None = None) -> list[Match]:
        """Return every alias, metonym, demonym and valid description in ``text``."""
        norm = normalise(text)
        found: list[Match] = []
        for end, entries in self._names.iter(norm):
            for phrase, actor, how in entries:
                start = end - len(phrase) + 1
                if _bounded(norm, start, end + 1, strict=how not in ("alias", "demonym")):
                    found.append(Match(start, end + 1, actor, how))
        lower = lower_same_length(norm)
        for end, entries in self._titles.iter(lower):
            for phrase, description in entries:
                start = end - len(phrase) + 1
                if _bounded(lower, start, end + 1, strict=True) and description.valid_on(when):
                    found.append(Match(start, end + 1, description.actor, "description"))
        return _prefer_later_holder(found, self.descriptions, when)

    def find_places(self, text: str) -> list[tuple[int, int, str]]:
        """Return ``(start, end, place)`` for every place name, longest match first."""
        return _longest_first(self._place_hits(text).items)

    def places_within(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """``find_places(text[start:end])`` with offsets in ``text``.

        The whole text is read once (the last text is remembered); a window is read on
        its own only when a name crosses its edge or the edge cuts a word.
        """
        hits = self._place_hits(text).overlapping(start, end)
        norm = normalise(text[max(0, start - 2) : end + 2])
        edge = start - max(0, start - 2)
        cut = not _bounded(norm, edge, edge + end - start, strict=True)
        inside = []
        for hit in hits:
            if hit[0] < start or hit[1] > end:
                cut = True
                break
            inside.append(hit)
        if cut:
            hits = self._scan_places(text[start:end])
            return _longest_first([(a + start, b + start, p) for a, b, p in hits])
        return _longest_first(inside)

    def places_over(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """The place names of ``text`` that overlap ``text[start:end]``.

        The whole text is read once, as for :meth:`places_within`.
        """
        return self._place_hits(text).overlapping(start, end)

    def _place_hits(self, text: str) -> ByStart[tuple[int, int, str]]:
        """Every place name in ``text``, overlapping ones included; the last text is kept."""
        memo = self._hits_memo
        if memo and memo[0] is text:
            return memo[1]
        hits = ByStart(self._scan_places(text), lambda hit: (hit[0], hit[1]))
        self._hits_memo = (text, hits)
        return hits

    def _scan_places(self, text: str) -> list[tuple[int, int, str]]:
        norm = normalise(text)
        hits = []
        for end, entries in self._places.iter(norm):
            for phrase, place in entries:
                start = end - len(phrase) + 1
                if _bounded(norm, start, end + 1, strict=True):
                    hits.append((start, end + 1, place))
        return hits

    def resolve(self, phrase: str, when: date | None = None) -> str | None:
        """Return the canonical name of the most specific actor named in ``phrase``.

        Answers are remembered (source phrases recur across a corpus); the memory is
        emptied when it grows past ``RESOLVE_MEMORY`` phrases, so it stays small.
        """
        key = (phrase, when)
        if key in self._resolved:
            return self._resolved[key]
        matches = [
            m
            for m in self.find(phrase, when)
            if m.how != "metonym" and not self._state_in_passing(phrase, m)
        ]
        # The longest name wins: "the Hamas Ministry of Health" is the ministry, not Hamas.
        best = max(matches, key=lambda m: (m.end - m.start, -m.start)).actor if matches else None
        if len(self._resolved) >= RESOLVE_MEMORY:
            self._resolved.clear()
        self._resolved[key] = best
        return best

    def _state_in_passing(self, phrase: str, match: Match) -> bool:
        """Does a source phrase name a state only in passing?

        "the Sudan Doctors' Union" (the state's name opens another body's name), "the
        Ukrainian Red Cross", "a team at Ghent University in Belgium" (where the source is).
        A body of the state itself ("Egyptian Foreign Ministry") still names the state.
        """
        if self.actors[match.actor].kind != "state" or match.how not in ("alias", "demonym"):
            return False
        if _IN_PLACE.search(phrase, 0, match.start):
            return True
        after = _CAPITALISED_NEXT.match(phrase, match.end)
        return after is not None and after.group(1) not in _state_body_words()

    def demonym_words(self) -> frozenset[str]:
        """Every state's demonyms ("Somali", "Israelis"), worked out once."""
        if "demonyms" not in self._derived:
            self._derived["demonyms"] = frozenset(
                d for actor in self.actors.values() for d in actor.demonyms
            )
        return self._derived["demonyms"]

    def media_names(self) -> frozenset[str]:
        """Canonical names of the news media among the actors (worked out once)."""
        if "media" not in self._derived:
            self._derived["media"] = frozenset(
                name for name, actor in self.actors.items() if actor.kind == "media"
            )
        return self._derived["media"]

    def words_of(self, name: str) -> str:
        """The words an actor is known by: its name, aliases and descriptions, in one string.

        Worked out once for all actors; "" for a name the gazetteer does not hold.
        """
        if "words" not in self._derived:
            words: dict[str, list[str]] = {n: [n, *a.aliases] for n, a in self.actors.items()}
            for description in self.descriptions:
                words.setdefault(description.actor, []).append(description.text)
            self._derived["words"] = {n: " | ".join(w) for n, w in words.items()}
        return self._derived["words"].get(name, "")

    def place_words(self) -> frozenset[str]:
        """Every place name and alias, lower-cased (worked out once)."""
        if "places" not in self._derived:
            self._derived["places"] = frozenset(
                p.lower() for place in self.places.values() for p in (place.name, *place.aliases)
            )
        return self._derived["places"]

    def spelling_index(self) -> dict[str, str]:
        """Distinctive single-word names (surnames, agencies) mapped to their actor.

        Used to recognise other spellings of them; short or ambiguous words are left out.
        """
        if self._spellings is None:
            index: dict[str, str] = {}
            for actor in self.actors.values():
                words = set()
                for alias in (actor.name, *actor.aliases):
                    parts = alias.split()
                    if actor.kind == "person" and len(parts) >= 2:
                        words.add(parts[-1])
                    elif len(parts) == 1:
                        words.add(parts[0])
                for word in words:
                    if len(word) >= 6 and word[0].isupper() and word.isalpha():
                        index.setdefault(word, actor.name)
            self._spellings = index
        return self._spellings

    def full_names(self) -> dict[str, str]:
        """People's names of two words or more, as written in the gazetteer, to their actor.

        Used to recognise a full name spelled another way ("Wiliam Burns").
        """
        if self._full_names is None:
            self._full_names = {
                alias: actor.name
                for actor in self.actors.values()
                if actor.kind == "person"
                for alias in (actor.name, *actor.aliases)
                if len(alias.split()) >= 2
            }
        return self._full_names

    def surnames(self, name: str) -> set[str]:
        """Surnames by which a person is named once their full name has appeared."""
        actor = self.actors[name]
        if actor.kind != "person":
            return set()
        out = set()
        for alias in (actor.name, *actor.aliases):
            words = alias.split()
            if len(words) >= 2 and words[-1][0].isupper():
                out.add(words[-1])
                if len(words) >= 3 and words[-2].lower() in ("al", "el", "bin", "abu", "ben", "de"):
                    out.add(" ".join(words[-2:]))
        return out


def normalise(text: str) -> str:
    """Same-length copy of ``text`` for matching: curly quotes and dashes made plain."""
    for fancy, plain in _NORMALISE:
        if fancy in text:  # str.replace is far quicker than translate on long text
            text = text.replace(fancy, plain)
    return text


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` without changing its length (so offsets still hold)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_NORMALISE = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"), ("ʼ", "'"))


def _longest_first(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Of overlapping names, the one that starts first and is longest."""
    hits = sorted(hits, key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str]] = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue
        kept.append(hit)
    return kept


_IN_PLACE = re.compile(r"\b(?:in|at|from|based\s+in)\s+(?:the\s+)?\Z", re.I)
_CAPITALISED_NEXT = re.compile(r"\s+([A-Z][\w'’-]*)")


@functools.cache
def _state_body_words() -> frozenset[str]:
    """Capitalised words after a state's name that keep a source phrase the state's own."""
    from briefing.vocab import load_yaml, word_list

    return frozenset(word_list(load_yaml("actors.yaml"), "state_body_words", "actors.yaml"))


def _bounded(text: str, start: int, end: int, strict: bool) -> bool:
    """True if ``text[start:end]`` is a whole word, not part of a hyphenated word."""
    if start > 0 and (
        text[start - 1].isalnum()
        or (text[start - 1] == "-" and start > 1 and text[start - 2].isalpha())
    ):
        return False
    if end < len(text):
        nxt = text[end]
        if nxt.isalnum() or nxt == "_":
            return False
        if nxt == "-" and end + 1 < len(text) and text[end + 1].isalpha():
            return not strict and text[end + 1].islower()  # "US-brokered" names the US
    return True


def _prefer_later_holder(
    found: list[Match], descriptions: list[Description], when: date | None
) -> list[Match]:
    """On a handover day two holders match one title; keep the one whose window starts later."""
    by_span: dict[tuple[int, int], list[Match]] = {}
    for match in found:
        if match.how == "description":
            by_span.setdefault((match.start, match.end), []).append(match)
    drop: set[int] = set()
    contested = [matches for matches in by_span.values() if len({m.actor for m in matches}) > 1]
    if contested:
        starts: dict[str, date] = {}
        for d in descriptions:
            starts[d.actor] = max(starts.get(d.actor, date.min), d.start or date.min)
        for matches in contested:
            best = max(matches, key=lambda m: starts.get(m.actor, date.min))
            drop.update(id(m) for m in matches if m.actor != best.actor)
    return sorted((m for m in found if id(m) not in drop), key=lambda m: (m.start, -m.end))


def _as_date(value: object, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise GazetteerError(f"{where}: {value!r} is not an ISO date") from exc


def _load_yaml_list(path: Path) -> list[dict]:
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GazetteerError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{path}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, list):
        raise GazetteerError(f"{path}: expected a list of entries")
    return data


def _parse_actor(entry: dict, where: str) -> tuple[Actor, list[Description]]:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise GazetteerError(f"{where}: every entry needs a name")
    name = str(entry["name"])
    kind, role = entry.get("kind"), entry.get("role", "other")
    if kind not in KINDS:
        raise GazetteerError(f"{where} ({name}): kind {kind!r} is not one of {', '.join(KINDS)}")
    if role not in ROLES:
        raise GazetteerError(f"{where} ({name}): role {role!r} is not one of {', '.join(ROLES)}")
    actor = Actor(
        name=name,
        kind=kind,
        role=role,
        affiliation=entry.get("affiliation"),
        aliases=tuple(str(a) for a in entry.get("aliases") or ()),
        metonyms=tuple(str(a) for a in entry.get("metonyms") or ()),
        demonyms=tuple(str(a) for a in entry.get("demonyms") or ()),
    )
    descriptions = []
    for item in entry.get("descriptions") or ():
        if isinstance(item, dict):
            if not item.get("text"):
                raise GazetteerError(f"{where} ({name}): a description needs text")
            descriptions.append(
                Description(
                    name,
                    str(item["text"]),
                    _as_date(item.get("from"), where),
                    _as_date(item.get("until"), where),
                )
            )
        else:
            descriptions.append(Description(name, str(item)))
    return actor, descriptions


def load_gazetteer(path: Path | None = None, places_path: Path | None = None) -> Gazetteer:
    """Read and compile the gazetteer and places files (defaults from :mod:`briefing.config`)."""
    path = Path(path or config.GAZETTEER_PATH)
    places_path = Path(places_path or config.PLACES_PATH)
    actors: dict[str, Actor] = {}
    descriptions: list[Description] = []
    for index, entry in enumerate(_load_yaml_list(path), 1):
        actor, described = _parse_actor(entry, f"{path}: entry {index}")
        if actor.name in actors:
            raise GazetteerError(f"{path}: entry {index}: duplicate name {actor.name!r}")
        actors[actor.name] = actor
        descriptions.extend(described)
    for actor in actors.values():
        if actor.affiliation and actor.affiliation not in actors:
            raise GazetteerError(
                f"{path}: {actor.name}: affiliation {actor.affiliation!r} is not an entry"
            )
    places: dict[str, Place] = {}
    for index, entry in enumerate(_load_yaml_list(places_path), 1):
        if not isinstance(entry, dict) or not entry.get("name"):
            raise GazetteerError(f"{places_path}: entry {index}: every place needs a name")
        places[entry["name"]] = Place(
            entry["name"], entry.get("country"), tuple(str(a) for a in entry.get("aliases") or ())
        )
    gazetteer = Gazetteer(actors, descriptions, places)
    gazetteer._names, gazetteer._titles, gazetteer._places = _compile(actors, descriptions, places)
    return gazetteer


def _compile(actors: dict[str, Actor], descriptions: list[Description], places: dict[str, Place]):
    names = ahocorasick.Automaton()
    for actor in actors.values():
        for how, phrases in (
            ("alias", actor.aliases or (actor.name,)),
            ("metonym", actor.metonyms),
            ("demonym", actor.demonyms),
        ):
            for phrase in {
                normalise(p) for p in (*phrases, actor.name if how == "alias" else "")
            } - {""}:
                _add(names, phrase, (phrase, actor.name, how))
    titles = ahocorasick.Automaton()
    for description in descriptions:
        phrase = lower_same_length(normalise(description.text))
        _add(titles, phrase, (phrase, description))
    place_names = ahocorasick.Automaton()
    for place in places.values():
        for phrase in {place.name, *place.aliases}:
            phrase = normalise(phrase)
            _add(place_names, phrase, (phrase, place.name))
            if phrase[0].islower():
                upper = phrase[0].upper() + phrase[1:]
                _add(place_names, upper, (upper, place.name))
    for automaton in (names, titles, place_names):
        automaton.make_automaton()
    return names, titles, place_names


def _add(automaton: ahocorasick.Automaton, key: str, value: tuple) -> None:
    existing = automaton.get(key, [])
    if value not in existing:
        automaton.add_word(key, [*existing, value])


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The project's gazetteer, compiled once per process."""
    return load_gazetteer()
