"""Cue-word lists from ``data/cues`` compiled once into matchers.

A :class:`CueSet` maps each phrase of a vocabulary to a label and finds them as whole words,
case-insensitively, returning ``(start, end, label)`` triples.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from briefing.vocab import load_yaml, word_pattern


class CueSet:
    """Whole-word, case-insensitive matcher of labelled phrases."""

    def __init__(self, labelled: Mapping[str, Iterable[str]]) -> None:
        self.labels: dict[str, str] = {}
        for label, phrases in labelled.items():
            for phrase in phrases:
                self.labels.setdefault(_key(str(phrase)), label)
        self.pattern = re.compile(word_pattern(list(self.labels)))

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
