"""Spans answers overlap questions exactly as the plain scan over every span would."""

from hypothesis import given
from hypothesis import strategies as st

from briefing.spans import ByStart, Spans

span = st.tuples(st.integers(0, 60), st.integers(0, 15)).map(lambda p: (p[0], p[0] + p[1]))


def brute(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


@given(st.lists(span, max_size=12), st.lists(span, max_size=6), st.lists(span, max_size=12))
def test_overlaps_agrees_with_a_plain_scan(initial, added, queries):
    spans = Spans(initial)
    seen = list(initial)
    for a, b in added:
        spans.add(a, b)
        seen.append((a, b))
    assert len(spans) == len(seen)
    for start, end in queries:
        assert spans.overlaps(start, end) == brute(seen, start, end)


def test_touching_spans_do_not_overlap():
    spans = Spans([(10, 20)])
    assert not spans.overlaps(0, 10)
    assert not spans.overlaps(20, 25)
    assert spans.overlaps(19, 21)
    spans.add(30, 100)
    assert spans.overlaps(50, 51)  # inside a long span that starts well before


@given(st.lists(span, max_size=20), st.lists(span, max_size=12))
def test_by_start_windows_agree_with_a_plain_scan(items, queries):
    index = ByStart(items, lambda s: s)
    in_order = sorted(items, key=lambda s: s[0])  # stable: equal starts keep their order
    for start, end in queries:
        assert index.starting_in(start, end) == [s for s in in_order if start <= s[0] < end]
        assert index.overlapping(start, end) == [s for s in in_order if s[0] < end and start < s[1]]
