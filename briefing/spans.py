"""Sets of text spans that answer "which of them lie near this window?" quickly.

Finding actors checks every candidate against the mentions already taken; with a sorted list
and the longest span known, only the few spans that start nearby are looked at.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


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


class ByStart(Generic[T]):
    """Items with a start and an end offset, sorted by start, read a window at a time.

    An article's mentions are looked up sentence by sentence; bisecting on the starts keeps
    that linear in the article's length where a scan of every mention per sentence is not.
    """

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items = sorted(items, key=lambda item: span(item)[0])
        spans = [span(item) for item in self.items]
        self._starts = [a for a, _ in spans]
        self._ends = [b for _, b in spans]
        self._longest = max((b - a for a, b in spans), default=0)

    def starting_in(self, start: int, end: int) -> list[T]:
        """The items that start in ``[start, end)``, in order.

        >>> ByStart([(5, 9), (0, 3), (9, 12)], lambda s: s).starting_in(3, 9)
        [(5, 9)]
        """
        low = bisect.bisect_left(self._starts, start)
        return self.items[low : bisect.bisect_left(self._starts, end)]

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items that share a character with ``[start, end)``, in order of their starts.

        >>> ByStart([(0, 4), (4, 6), (8, 9)], lambda s: s).overlapping(3, 5)
        [(0, 4), (4, 6)]
        """
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return [self.items[i] for i in range(low, high) if self._ends[i] > start]
