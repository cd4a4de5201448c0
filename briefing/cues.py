"""Cue-word lists from ``data/cues`` compiled once into matchers.

A :class:`CueSet` maps each phrase of a vocabulary to a label and finds them as whole words,
case-insensitively, returning ``(start, end, label)`` triples.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping

from briefing.vocab import load_yaml, word_pattern

_WHOLE_TEXT_FROM = 400
"""Texts at least this long are read whole once and their windows answered from that."""
_TEXTS_KEPT = 4
"""Whole texts whose cues a cue set keeps (the article and its normalised copies)."""


class CueSet:
    """Whole-word, case-insensitive matcher of labelled phrases."""

    def __init__(self, labelled: Mapping[str, Iterable[str]]) -> None:
        self.labels: dict[str, str] = {}
        for label, phrases in labelled.items():
            for phrase in phrases:
                self.labels.setdefault(_key(str(phrase)), label)
        self.pattern = re.compile(word_pattern(list(self.labels)))
        self._read: list[tuple[str, list[tuple[int, int, str]], list[int]]] = []

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Return ``(start, end, label)`` for every cue in ``text[start:end]``."""
        end = len(text) if end is None else end
        found = self._within(text, start, end)
        if found is None:
            found = [
                (m.start(), m.end(), m.group()) for m in self.pattern.finditer(text, start, end)
            ]
        return [(a, b, self.labels[_key(phrase)]) for a, b, phrase in found]

    def any(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Return True if a cue occurs in ``text[start:end]``."""
        end = len(text) if end is None else end
        found = self._within(text, start, end)
        if found is None:
            return self.pattern.search(text, start, end) is not None
        return bool(found)

    def _within(self, text: str, start: int, end: int) -> list[tuple[int, int, str]] | None:
        """The cues of a window of a long text, taken from one reading of the whole text.

        The last few texts are read whole once; a window takes the cues inside it. None
        (read the window itself) when that could differ: a cue crosses the window's edge, or
        the text goes on in the same word right after it.
        """
        if len(text) < _WHOLE_TEXT_FROM or end - start > len(text) // 2:
            return None
        if end < len(text) and (text[end].isalnum() or text[end] in "_-"):
            return None
        known = next((entry for entry in self._read if entry[0] is text), None)
        if known is None:
            found = [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(text)]
            known = (text, found, [a for a, _, _ in found])
            self._read = [known, *self._read[: _TEXTS_KEPT - 1]]
        _, matches, starts = known
        low = bisect.bisect_left(starts, start)
        high = bisect.bisect_left(starts, end)
        if (low > 0 and matches[low - 1][1] > start) or (high > low and matches[high - 1][1] > end):
            return None
        return matches[low:high]

    def label(self, phrase: str) -> str | None:
        """Return the label of ``phrase`` if it is one of the cues."""
        return self.labels.get(_key(phrase))


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
