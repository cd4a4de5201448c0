"""A set of text spans that answers "does this span overlap one of them?" quickly.

Finding actors checks every candidate against the mentions already taken; with a sorted list
and the longest span known, only the few spans that start nearby are looked at.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """Half-open ``(start, end)`` spans, kept sorted by start."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted((int(a), int(b)) for a, b in spans)
        self._starts = [a for a, _ in self._spans]
        self._longest = max((b - a for a, b in self._spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """True if ``[start, end)`` shares a character with one of the spans.

        >>> Spans([(0, 5), (10, 20)]).overlaps(4, 8), Spans([(0, 5)]).overlaps(5, 8)
        (True, False)
        """
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return any(b > start for _, b in self._spans[low:high])

    def add(self, start: int, end: int) -> None:
        """Add a span."""
        index = bisect.bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._spans.insert(index, (start, end))
        self._longest = max(self._longest, end - start)

    def __len__(self) -> int:
        return len(self._spans)
