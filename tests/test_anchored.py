"""Anchored scans find exactly what the plain ``finditer`` finds, only quicker."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import dates
from briefing.anchored import Anchored


def _seen(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


_WORDS = """May may MAY Mayor dismay March march Mar. Sept. sept September sep Jan january
 June Juneau Dec. decided October oct Oct. at the The end beginning start middle of early
 Early mid late Late in since Monday monday MONDAY Mondays onMonday on On by until from this
 This last next Friday Sunday sunday night morning evening afternoon today Today tonight
 yesterday tomorrow week weeks month day days before earlier later a A the 5 5th 21st 31
 2024 1999 x é _ mid-May late-June""".split()
_SEPARATORS = ["", " ", " ", "  ", "\n\n", "\n \n", "\t", "\xa0", " - ", "-", "--", ", ", ". "]
_ODD = ["    ", "\n\n\n\n", "----", "ſ", "İ", "ı", "\u212a"]
"""What makes the scan fall back to the plain one: long runs, letters folded onto ASCII."""

_PHRASES = [
    "at the beginning of September",
    "the middle of Sept. 2024",
    "late - June",
    "until Friday afternoon",
    "from Sunday",
    "later in the week",
    "earlier in the week",
    "a day before",
    "the day before",
    "last night",
    "this evening",
    "until 2023",
]
"""The longest leads, spaced with the widest runs a lead may hold."""
_WIDE = ["\n \n", " \t ", "- -", "\xa0\xa0\xa0", "   "]
_phrases = st.sampled_from(_PHRASES).flatmap(
    lambda phrase: st.lists(
        st.sampled_from(_WIDE), min_size=len(phrase.split()), max_size=len(phrase.split())
    ).map(lambda gaps: "".join(w + g for w, g in zip(phrase.split(), gaps, strict=True)))
)
_texts = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)),
        st.tuples(_phrases, st.sampled_from(_SEPARATORS)),
    ),
    max_size=40,
).map(lambda parts: "".join(a + b for a, b in parts))
_odd_texts = st.tuples(_texts, st.sampled_from(_ODD), _texts).map("".join)


@pytest.mark.parametrize("pattern", list(dates._ANCHORED), ids=lambda p: p.pattern[:30])
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_texts, _odd_texts), cut=st.tuples(st.integers(0, 400), st.integers(0, 400)))
def test_date_patterns_anchored_match_the_plain_scan(pattern, text, cut) -> None:
    anchored = dates._ANCHORED[pattern]
    start, end = min(cut), min(max(cut), len(text))
    assert _seen(anchored.finditer(text)) == _seen(pattern.finditer(text))
    assert _seen(anchored.finditer(text, start, end)) == _seen(pattern.finditer(text, start, end))


@pytest.mark.parametrize("gap", _WIDE)
@pytest.mark.parametrize("phrase", _PHRASES)
def test_the_longest_leads_at_the_widest_spacing_are_found(phrase: str, gap: str) -> None:
    """``back`` covers a lead whose every space is the widest run the scan relies on."""
    text = "Talks ended " + gap.join(phrase.split()) + "."
    for pattern, anchored in dates._ANCHORED.items():
        assert _seen(anchored.finditer(text)) == _seen(pattern.finditer(text))


@pytest.mark.parametrize(
    "text",
    [
        "Talks at the end of May 2024 and in mid-June; late-July, at the start of Sept. 2023.",
        "On Monday morning, a day earlier, later this week, the day before, last night, today.",
        "Talks resumed onMonday, until Friday evening and from Sunday; Mondays are quiet.",
        "The Mayor may decide in March; dismay in Mar. and early\u00a0October.",
    ],
)
def test_anchored_date_patterns_on_news_phrasing(text: str) -> None:
    for pattern, anchored in dates._ANCHORED.items():
        assert _seen(anchored.finditer(text)) == _seen(pattern.finditer(text))


def test_a_long_run_of_space_falls_back_to_the_plain_scan() -> None:
    text = "at the end of" + " " * 40 + "May"
    pattern = dates._MONTH_ONLY
    assert _seen(dates._ANCHORED[pattern].finditer(text)) == _seen(pattern.finditer(text))
    assert dates._ANCHORED[pattern].finditer(text)[0].start() == 0


def test_non_ascii_anchors_keep_the_plain_scan() -> None:
    pattern = re.compile(r"(?i)\bprésident\s+\w+")
    anchored = Anchored(pattern, ["président"])
    text = "Le Président Macron et le président Erdoğan."
    assert [m.group() for m in anchored.finditer(text)] == [
        "Président Macron",
        "président Erdoğan",
    ]


def test_an_anchor_inside_a_word_counts_only_when_the_pattern_says_so() -> None:
    """``word_start`` is part of the description: a pattern that glues words needs it off."""
    pattern = re.compile(r"(?i)(?:on)?monday")
    text = "onMonday"
    assert [
        m.group() for m in Anchored(pattern, ["monday"], "on", 2, word_start=False).finditer(text)
    ] == ["onMonday"]
    assert Anchored(pattern, ["monday"], lead="on", back=2).finditer(text) == []


def test_a_pattern_made_after_a_text_was_scanned_finds_its_own_words() -> None:
    text = "The envoy met the Zyxwvut delegation on Monday."
    assert dates._ANCHORED[dates._WEEKDAY_DATE].finditer(text)  # the text's words are read
    late = Anchored(re.compile(r"(?i)\bzyxwvut\b"), ["zyxwvut"])
    assert [m.group() for m in late.finditer(text)] == ["Zyxwvut"]


_NUMBERISH = """1 12 1,200 29.514 2.5 ٣ one One ONE someone often ten tens twenty-five a A an An
 half Half between from and to or - – dozen hundred thousand million 2024 $ 5% x, Gaza, the
 killed at least 27,840 ſix six Sixty""".split()


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.tuples(st.sampled_from(_NUMBERISH), st.sampled_from(_SEPARATORS)), max_size=30
    ),
    cut=st.tuples(st.integers(0, 200), st.integers(0, 200)),
)
def test_the_number_scan_tried_where_numbers_begin_finds_what_the_plain_scan_finds(
    words, cut
) -> None:
    from briefing import numbers

    text = "".join(a + b for a, b in words)
    scanner = numbers._scanner()
    for end in (len(text), min(max(cut), len(text))):
        for position in range(min(cut), end + 1):
            quick = numbers._next_number(text, position, end)
            plain = scanner.search(text, position, end)
            assert _seen([quick] if quick else []) == _seen([plain] if plain else [])


_NAMEISH = """Eli Sharabi Goldberg-Polin al-Thani Al-Thani bin Salman Bin-Laden de-escalation
 de van der Hersh McDonald J. Erdoğan ibn-Saud Abu-Obeida abu- said told says , 52, 23.
 a senior Hamas official who is the minister was and hostages the""".split()


_name_words = st.sampled_from(["Sharabi", "Thani", "Hersh", "Salman", "Erdoğan", "J.", "Obeida"])
_particles = st.sampled_from(["al", "Al", "bin", "de", "van", "Abu", "ibn", "el", "x"])
_names = st.tuples(
    st.one_of(st.just(""), _particles.map(lambda p: p + "-")),
    _name_words,
    st.lists(st.tuples(st.sampled_from(["", "de ", "al-", "bin "]), _name_words), max_size=3),
    st.sampled_from([" said", " told", ", 52,", ", a senior Hamas official", ".", ""]),
).map(lambda t: t[0] + t[1] + "".join(" " + a + b for a, b in t[2]) + t[3])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(_NAMEISH), _names),
            st.sampled_from(["", " ", "  ", "-", ", ", "\n"]),
        ),
        max_size=20,
    )
)
def test_names_opening_with_a_capital_or_a_particle_match_as_one_alternation(parts) -> None:
    from briefing import actors

    capital, particle = actors._unknown_patterns()[1]
    opening = capital.pattern.index(actors._NAME_REST) + len(actors._NAME_REST) + 1
    plain = re.compile(rf"(?P<name>{actors._NAME}){capital.pattern[opening:]}")
    text = "".join(a + b for a, b in parts)
    quick = actors._named_matches(text, capital, particle)
    assert [(m.span(), m.lastgroup) for m in quick] == [
        (m.span(), m.lastgroup) for m in plain.finditer(text)
    ]


_DAY_PHRASES = """the same day|that evening|earlier that day|later that night|the day before|the
 previous day|a day earlier|the day after|the next day|the following day|a day later|The Same
 Morning|THAT AFTERNOON|today|Monday|days|holiday|the|a|day|that|earlier|x""".replace("\n", "")
_day_texts = st.lists(
    st.tuples(
        st.sampled_from(_DAY_PHRASES.split("|")).flatmap(
            lambda phrase: st.lists(
                st.sampled_from([" ", "\n \n", " \t ", "  "]),
                min_size=len(phrase.split()),
                max_size=len(phrase.split()),
            ).map(lambda gaps: "".join(w + g for w, g in zip(phrase.split(), gaps, strict=True)))
        ),
        st.sampled_from(["", ", ", ".", "-"]),
    ),
    max_size=15,
).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=500, deadline=None)
@given(text=_day_texts, cut=st.tuples(st.integers(0, 300), st.integers(0, 300)))
def test_day_phrases_anchored_on_their_day_word_match_the_plain_search(text, cut) -> None:
    from briefing import events

    for end in (len(text), min(max(cut), len(text))):
        for at in range(0, end + 1, 5):
            quick = events._ANAPHORIC_SCAN.search(text, at, end)
            plain = events._ANAPHORIC.search(text, at, end)
            assert _seen([quick] if quick else []) == _seen([plain] if plain else [])
