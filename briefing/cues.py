"""Cue-word lists from ``data/cues`` compiled once into matchers.

A :class:`CueSet` maps each phrase of a vocabulary to a label and finds them as whole words,
case-insensitively, returning ``(start, end, label)`` triples.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Mapping

from briefing.vocab import _folds, load_yaml


class CueSet:
    """Whole-word, case-insensitive matcher of labelled phrases."""

    def __init__(self, labelled: Mapping[str, Iterable[str]]) -> None:
        self.labels: dict[str, str] = {}
        for label, phrases in labelled.items():
            for phrase in phrases:
                self.labels.setdefault(_key(str(phrase)), label)
        self.pattern = re.compile(dispatched_word_pattern(list(self.labels)))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Return ``(start, end, label)`` for every cue in ``text[start:end]``."""
        end = len(text) if end is None else end
        return [
            (m.start(), m.end(), self.labels[_key(m.group())])
            for m in self.pattern.finditer(text, start, end)
        ]

    def any(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Return True if a cue occurs in ``text[start:end]``."""
        end = len(text) if end is None else end
        return self.pattern.search(text, start, end) is not None

    def label(self, phrase: str) -> str | None:
        """Return the label of ``phrase`` if it is one of the cues."""
        return self.labels.get(_key(phrase))


Found = list[tuple[int, int, str | None]]
_CLEAR_AFTER = re.compile(r"[\s,.;:!?()\"'“”‘’]")
SCANS_BEFORE_INDEX = 12
"""Parts of a stretch scanned one by one before the whole stretch is indexed."""


class SpanIndex:
    """The matches of one scan over a stretch of text (a sentence), found once.

    :meth:`find` answers for any part of the stretch by bisection, with the same result as
    scanning that part (``scan(start, end)``): where a match crosses one of the part's
    edges, or the part ends inside a word, it scans the part itself. A sentence with many
    numbers asks for many parts, and scanning each would grow with the square of its length.
    (A part ending after a space, or before a space or punctuation other than a hyphen,
    ends the same for a pattern whose lookahead reads one character after a word, as the
    word patterns' does.)
    """

    def __init__(self, scan: Callable[[int, int], Found], text: str, start: int, end: int) -> None:
        self.scan, self.text, self.start, self.end = scan, text, start, end
        self.asked = 0
        self.found: Found = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def find(self, start: int, end: int) -> Found:
        """``(start, end, label)`` of every match in ``text[start:end]``."""
        if start >= end:
            return []
        self.asked += 1
        if self.asked <= SCANS_BEFORE_INDEX:
            return self.scan(start, end)  # a sentence with few numbers: scanning is cheaper
        if self.asked == SCANS_BEFORE_INDEX + 1:
            self.found = self.scan(self.start, self.end)
            self.starts = [c[0] for c in self.found]
            self.ends = [c[1] for c in self.found]  # ascending too: matches do not overlap
        if (
            start < self.start
            or end > self.end
            or self._crosses(start)
            or self._crosses(end)
            or (
                end < self.end
                and not self.text[end - 1].isspace()
                and not _CLEAR_AFTER.match(self.text, end)
            )
        ):
            return self.scan(start, end)
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_right(self.ends, end)
        return self.found[first:last]

    def _crosses(self, position: int) -> bool:
        before = bisect.bisect_left(self.starts, position) - 1
        return before >= 0 and self.ends[before] > position


def cue_index(cues: CueSet, text: str, start: int, end: int) -> SpanIndex:
    """A :class:`SpanIndex` of the cues of ``cues`` in ``text[start:end]``."""
    return SpanIndex(lambda a, b: cues.find(text, a, b), text, start, end)


def pattern_index(pattern: re.Pattern[str], text: str, start: int, end: int) -> SpanIndex:
    """A :class:`SpanIndex` of the matches of ``pattern`` (never empty) in ``text[start:end]``."""
    return SpanIndex(
        lambda a, b: [(m.start(), m.end(), None) for m in pattern.finditer(text, a, b)],
        text,
        start,
        end,
    )


def dispatched_word_pattern(phrases: list[str]) -> str:
    r"""``(?<![\w-])(?:phrase|...)(?![\w-])`` as re.IGNORECASE matches it; compile it without.

    Longest phrase first, spaces matching any run, as :func:`briefing.vocab.word_pattern`.
    There each alternative opens with a lookbehind on its first letter, run at every word
    for each of some twenty letters; here it opens with the set of that letter's case forms,
    which the engine tests without entering the alternative. A cue scan takes about a third
    less time (``tests/test_cues.py`` checks the matches against the plain pattern).
    """
    ordered = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        first, *rest = phrase.split()
        tail = r"\s+".join([re.escape(first[1:]), *(re.escape(w) for w in rest)])
        groups.setdefault(_folds(phrase[0]), []).append(tail)
    if not groups:
        return "(?!)"
    branches = "|".join(f"[{re.escape(k)}](?i:{'|'.join(tails)})" for k, tails in groups.items())
    return rf"(?<![\w-])(?:{branches})(?![\w-])"


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


@functools.cache
def cue_set(file: str, *keys: str) -> CueSet:
    """Return a :class:`CueSet` of the lists ``keys`` in ``data/cues/<file>``.

    With one key whose value is a mapping (``heads:`` in measures.yaml) the mapping's keys are
    the labels; with several keys naming lists, each key is the label of its list.
    """
    data = load_yaml(file)
    if len(keys) == 1 and isinstance(data[keys[0]], dict):
        return CueSet(data[keys[0]])
    return CueSet({key: data[key] for key in keys})
