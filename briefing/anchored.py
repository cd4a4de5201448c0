"""Scanning for a pattern only where its words occur.

Many patterns can only match around a word of a short list: a month name, a weekday,
"yesterday", a person's title. Python's regular expression engine cannot skip to such words
by itself; it tries the pattern at every letter that could begin one. An :class:`Anchored`
pattern finds the words first, in one Aho-Corasick pass over the lower-cased text, and tries
the pattern only there. The matches are exactly those of ``pattern.finditer``
(``tests/test_anchored.py`` checks it on generated text) provided the description holds:

- every match contains one of the ``anchors`` (lower-case words without spaces), in any case;
  with ``word_start`` the anchor begins a word (no letter, digit or "_" before it);
- a match starts at the first anchor it contains, or where ``lead`` (a regular expression)
  matches the text from the start of the match up to that anchor; such a start lies at most
  ``back`` characters before the anchor when no run of white space and hyphens is longer
  than :data:`MAX_SPACE` characters.

A text where the lower-cased words cannot be trusted to sit where the pattern sees them (a
longer run of white space or hyphens, a character whose lower case is not one character,
letters such as the long "ſ" that case-insensitive matching folds onto ASCII letters) is
scanned the plain way.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import ClassVar

import ahocorasick

MAX_SPACE = 3
"""Longest run of white space and hyphens for which ``back`` distances hold (cleaned text: 2)."""

_WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
# A run of white space and hyphens longer than MAX_SPACE. It opens with an explicit set (the
# characters of \s, and "-") because the engine skips quickly only to a set it can read.
_LONG_SPACE = re.compile(rf"[{re.escape(_WHITESPACE)}-][\s-]{{{MAX_SPACE}}}")
_FOLDED_ONTO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def room(lead: str) -> int:
    """The most characters a lead phrase ("at the beginning of") takes before its anchor.

    Its letters, and a run of :data:`MAX_SPACE` characters of white space after each word.
    """
    words = lead.split()
    return sum(len(w) for w in words) + len(words) * MAX_SPACE


class _Words:
    """Every anchor word of every anchored pattern, found in a text by one automaton pass."""

    words: ClassVar[set[str]] = set()
    automaton: ClassVar[ahocorasick.Automaton | None] = None
    version: ClassVar[int] = 0

    @classmethod
    def add(cls, words: set[str]) -> None:
        if not words <= cls.words:
            cls.words |= words
            cls.automaton = None
            cls.version += 1

    @classmethod
    def find(cls, lower: str) -> dict[str, list[int]]:
        if cls.automaton is None:
            cls.automaton = ahocorasick.Automaton()
            for word in cls.words:
                cls.automaton.add_word(word, word)
            cls.automaton.make_automaton()
        found: dict[str, list[int]] = {}
        for last, word in cls.automaton.iter(lower):
            found.setdefault(word, []).append(last - len(word) + 1)
        return found


@functools.lru_cache(maxsize=4)
def _occurrences(text: str, version: int) -> tuple[str, dict[str, list[int]]] | None:
    """The lower-cased text and where each anchor word begins in it.

    None when anchors cannot be found in ``text`` letter for letter (see the module notes).
    ``version`` is that of the registered words, so a pattern made later is seen.
    """
    lower = text.lower()
    if (
        len(lower) != len(text)
        or any(c in text for c in _FOLDED_ONTO_ASCII)
        or _LONG_SPACE.search(text)
    ):
        return None
    return lower, _Words.find(lower)


def inside_word(text: str, start: int) -> bool:
    """Does a letter, digit or "_" come right before ``start``?"""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")


class WordSet:
    """Where some words occur in a text, in any case, read from the shared automaton pass."""

    def __init__(self, words: Iterable[str]) -> None:
        lowered = {w.lower() for w in words if w}
        # Only plain ASCII words can be found by lower-casing; with anything else (an analyst
        # may add a title with an accent) the caller keeps its plain scan.
        plain = all(w.isascii() and not any(c.isspace() for c in w) for w in lowered)
        self.words = frozenset(lowered) if lowered and plain else frozenset()
        _Words.add(set(self.words))
        self._memo: tuple[str, tuple[str, list[tuple[int, str]]]] | None = None

    def find(self, text: str) -> tuple[str, list[tuple[int, str]]] | None:
        """The lower-cased text and ``(start, word)`` of each occurrence, in order.

        None when the words cannot be found this way (see the module notes): scan plainly.
        Occurrences inside longer words are included. The last text is remembered.
        """
        if not self.words:
            return None
        memo = self._memo  # read once: another thread may replace it
        if memo is not None and memo[0] is text:
            return memo[1]
        occurrences = _occurrences(text, _Words.version)
        if occurrences is None:
            return None
        lower, where = occurrences
        hits = sorted((p, w) for w, places in where.items() if w in self.words for p in places)
        self._memo = (text, (lower, hits))
        return lower, hits


class Anchored:
    """A compiled pattern scanned only around the words it needs (see the module notes)."""

    def __init__(
        self,
        pattern: re.Pattern[str],
        anchors: Iterable[str],
        lead: str | None = None,
        back: int = 0,
        word_start: bool = True,
    ) -> None:
        self.pattern = pattern
        self.anchors = WordSet(anchors)
        self._lead = re.compile(rf"(?:{lead})\Z", pattern.flags) if lead else None
        self.back = back
        self.word_start = word_start
        self._memo: tuple[str, list[int]] | None = None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        """The matches ``self.pattern.finditer(text, start, end)`` returns, as a list."""
        end = len(text) if end is None else end
        anchors = self._anchors(text)
        if anchors is None:
            return list(self.pattern.finditer(text, start, end))
        found: list[re.Match[str]] = []
        position = start
        match_at = self.pattern.match
        for index in range(bisect.bisect_left(anchors, start), len(anchors)):
            anchor = anchors[index]
            if anchor < position:
                continue
            if anchor >= end:
                break
            for at in self._starts(text, anchor, position):
                match = match_at(text, at, end)
                if match is not None:
                    found.append(match)
                    position = match.end()
                    break
        return found

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The match ``self.pattern.search(text, start, end)`` returns."""
        end = len(text) if end is None else end
        anchors = self._anchors(text)
        if anchors is None:
            return self.pattern.search(text, start, end)
        for index in range(bisect.bisect_left(anchors, start), len(anchors)):
            if anchors[index] >= end:
                break
            for at in self._starts(text, anchors[index], start):
                match = self.pattern.match(text, at, end)
                if match is not None:
                    return match
        return None

    def _anchors(self, text: str) -> list[int] | None:
        """Where the anchor words begin in ``text``, in order (the last text is remembered)."""
        memo = self._memo  # read once: another thread may replace it
        if memo is not None and memo[0] is text:
            return memo[1]
        found = self.anchors.find(text)
        if found is None:
            return None
        lower, hits = found
        places = sorted({p for p, _ in hits if not (self.word_start and inside_word(lower, p))})
        self._memo = (text, places)
        return places

    def _starts(self, text: str, anchor: int, position: int) -> list[int]:
        """Where a match holding ``anchor`` can begin, left to right, none before ``position``."""
        if self._lead is None:
            return [anchor]
        starts = []
        at = max(position, anchor - self.back)
        while at < anchor:
            lead = self._lead.search(text, at, anchor)
            if lead is None:
                break
            starts.append(lead.start())
            at = lead.start() + 1
        starts.append(anchor)
        return starts
