"""Splitting cleaned text into sentences, as character spans."""

from __future__ import annotations

import functools
import re

from briefing.vocab import load_lines

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) when the next
# non-space character starts a new sentence, or at a paragraph break.
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9À-Ý])|\n\s*\n""")


@functools.cache
def _abbreviation_tail() -> re.Pattern[str]:
    abbreviations = load_lines("abbreviations.txt")
    alternatives = "|".join(re.escape(a) for a in sorted(abbreviations, key=len, reverse=True))
    return re.compile(rf"(?:^|[\s(\"“‘'])(?:{alternatives})$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    r"""Return ``(start, end)`` spans of the sentences in ``text[start:end]``.

    Spans exclude surrounding whitespace; every non-blank character belongs to one span.

    >>> split_sentences("Talks resumed. Dr. Smith said so.\n\nNew paragraph")
    [(0, 14), (15, 33), (35, 48)]
    """
    end = len(text) if end is None else end
    abbreviation_tail = _abbreviation_tail()
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _END.finditer(text, start, end):
        stop = match.end() if match.group().strip() else match.start()
        if match.group().startswith(".") and abbreviation_tail.search(
            text, max(0, stop - 12), match.start() + 1
        ):
            continue
        _append(text, cursor, stop, spans)
        cursor = match.end()
    _append(text, cursor, end, spans)
    return spans


MAX_SENTENCE = 1000
"""Longer "sentences" (a table flattened to one line, a list with no full stop) are cut at a
clause break. News sentences stay well under it (the longest in the test articles is about 400
characters); the rules read a figure's whole sentence, so one sentence of thousands of figures
would take quadratic time."""

_CUTS = (re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s"))


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start <= MAX_SENTENCE:
            break
        cut = _cut(text, start, start + MAX_SENTENCE)
        _append(text, start, cut, spans)
        start = cut
    if end > start:
        spans.append((start, end))


def _cut(text: str, start: int, limit: int) -> int:
    """Where to cut an overlong sentence: after its last clause break before ``limit``."""
    for pattern in _CUTS:
        breaks = list(pattern.finditer(text, start + MAX_SENTENCE // 2, limit))
        if breaks:
            return breaks[-1].start() + 1
    return limit
