"""Patterns rewritten for speed find what the plain patterns they replace find.

Each quick pattern opens with the set of its first letters (``vocab.first_letters``) so the
regex engine skips to them; the plain form here is the specification it must keep.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import actors, events, figures, framing, triggers

_PLAIN = [
    (
        events._REPORTING_SEGMENT,
        r"\b(?:said|says|told|reported|reports|according to|explained|added|confirmed|announced|"
        r"warned|stated|declared)\b[^,.;]*",
    ),
    (events._REPORTING_VERB, r"\b(?:said|says|told|announced|stated|declared|warned)\b"),
    (events._SINCE, r"\bsince\b(?:\s+\S+){0,6}"),
    (events._ATTACK_WORD, r"\b(?:attacks?|massacre|assault|raid|offensive)\b"),
    (events._CONDITION, r"\b(?:if|unless|until)\b"),
    (events._DENIED, r"\b(?:denied|denies|deny|dismissed\s+reports)\s+(?:that\s+)?"),
    (framing._REPORTING, r"\b(?:says|said|say|told|according to|reported|insists|warned)\b"),
    (framing._RELATIVE, r"\b(?:in which|during which|when|whereby)\b"),
    (actors._QUOTED, r"\b(?:according to|reported|said|says|told|cited|quoted|confirmed)\b"),
    (
        framing._CLAUSE_BREAK,
        r"[;:–—]|\s-\s|,\s*(?=(?:which|who|whose|where|while|whereas|but|according|the\s+\w+"
        r"(?:\s+\w+)?\s+(?:said|says)|and\s+that)\b|\w+ing\b)"
        r"|\b(?:in which|during which|when|while|whereas)\b",
    ),
    (triggers.CONTRAST, r"\b(?:but|while|whereas)\b|;|,\s+and\b"),
]
_CASE_AS_WRITTEN = [
    (figures._STRONG_BREAK, r"[;:—–]|\s-\s|\b(?:while|whereas|but|although)\b"),
]

_TOKENS = """said Said SAID says say sayings told reported reports reporter according to
 According To accordingto explained added confirmed announced warned stated declared since
 Since attack attacks attacked massacre assault raid raids offensive if If unless until
 denied denies deny dismissed reports that That insists in which In Which during when whereby
 cited quoted x é _ 5 - ſaid ſince Kabul while While whereas but But although Although
 which who whose where the officials ministry and that And negotiating ; : – — İn ın""".split()
_TOKENS += ["according  to", "According\nto", "in  which", "during\twhich", "dismissed  reports"]
_TOKENS += [", And ", ",\nAND ", ", and", " - ", "In Which ", ", Negotiating "]
_TOKENS += [", The Ministry Says"]
_SEPARATORS = ["", " ", "  ", "\n", ", ", ". ", "; ", "-", "_", " - ", ",", ": ", " – "]
_texts = st.lists(
    st.tuples(st.sampled_from(_TOKENS), st.sampled_from(_SEPARATORS)), max_size=25
).map(lambda parts: "".join(a + b for a, b in parts))


@pytest.mark.parametrize(("quick", "plain"), _PLAIN, ids=lambda p: str(p)[:40])
@settings(max_examples=300, deadline=None)
@given(text=_texts, cut=st.tuples(st.integers(0, 300), st.integers(0, 300)))
def test_quick_word_patterns_match_the_plain_ones(quick, plain, text, cut) -> None:
    _same(quick, re.compile(plain, re.I), text, cut)


@pytest.mark.parametrize(("quick", "plain"), _CASE_AS_WRITTEN, ids=lambda p: str(p)[:40])
@settings(max_examples=300, deadline=None)
@given(text=_texts, cut=st.tuples(st.integers(0, 300), st.integers(0, 300)))
def test_quick_case_sensitive_patterns_match_the_plain_ones(quick, plain, text, cut) -> None:
    _same(quick, re.compile(plain), text, cut)


def _same(quick: re.Pattern[str], plain_pattern: re.Pattern[str], text: str, cut) -> None:
    start, end = min(cut), min(max(cut), len(text))
    assert [m.span() for m in quick.finditer(text, start, end)] == [
        m.span() for m in plain_pattern.finditer(text, start, end)
    ]


_CAPITAL_TOKENS = "Netanjahu Witkof Hamas-Run Gaza x-Ray Qatari ab Abcde Éloi mid-Israel".split()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_CAPITAL_TOKENS), st.sampled_from(_SEPARATORS)), max_size=20)
)
def test_capitalised_words_read_capital_first_as_the_plain_pattern(parts) -> None:
    plain = re.compile(r"(?<![\w-])[A-Z][a-zà-ÿ]{4,}(?:-[A-Z][a-zà-ÿ]+)?(?![\w-])")
    text = "".join(a + b for a, b in parts)
    assert [m.span() for m in actors._CAPITALISED.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
