"""Stage triggers of a sentence, its clauses, and the window each trigger owns.

Trigger phrases are those of data/cues/stages.yaml; expected windows follow the examples in
the docstring of ``triggers.windows``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.triggers import clauses, find_triggers, windows


def triggers(text: str) -> list[tuple[str, str, bool]]:
    """(stage, trigger text, noun?) of every trigger of the one-sentence ``text``."""
    found = find_triggers(text, 0, len(text), clauses(text, 0, len(text)))
    return [(t.stage, text[t.start : t.end], t.noun) for t in found]


def owned(text: str) -> list[tuple[str, str]]:
    """(stage, window text) of every trigger of the one-sentence ``text``."""
    parts = clauses(text, 0, len(text))
    found = find_triggers(text, 0, len(text), parts)
    return [
        (t.stage, text[w[0] : w[1]].strip())
        for t, (_, w) in zip(found, windows(text, parts, found, len(text)), strict=True)
    ]


def test_verb_triggers_are_found_case_insensitively():
    assert triggers("Israel and Hamas reached an agreement on Friday.") == [
        ("agreement", "reached an agreement", False)
    ]
    assert triggers("The MEETING WITH Qatar was short.") == [("talks", "MEETING WITH", False)]
    assert triggers("Nothing happened today.") == []


def test_a_gap_in_a_phrase_spans_up_to_four_words_not_opening_with_and():
    assert triggers("Hamas turned the offer down.") == [
        ("rejection", "turned the offer down", False)
    ]
    # "the agreement and announced": the agreement is the object of another verb.
    assert [
        stage
        for stage, *_ in triggers("Israel kept violating the agreement and announced a pause.")
    ] == ["violation"]


def test_an_overlapping_verb_says_more_than_a_noun():
    assert triggers("The bridging proposal submitted by Qatar was studied.") == [
        ("proposal", "proposal submitted", False)
    ]


def test_a_noun_trigger_yields_to_another_stages_verb_and_counts_once():
    # "the Paris talks yielded a blueprint" is a proposal, not a new round of talks.
    assert [s for s, *_ in triggers("The Paris talks yielded a blueprint.")] == ["proposal"]
    assert triggers("Negotiations and talks and more negotiations.") == [
        ("talks", "Negotiations", True)
    ]
    # "with the mediation of Qatar" tells how a deal was reached, not that talks were held.
    assert [
        s for s, *_ in triggers("A deal was reached on Friday, with the mediation of Qatar.")
    ] == ["agreement"]


def test_clauses_split_at_commas_semicolons_quotes_and_linking_words():
    text = 'Qatar said talks went on; Hamas "agreed", but Israel, which objected, left.'
    assert [text[a:b].strip() for a, b in clauses(text, 0, len(text)) if text[a:b].strip()] == [
        "Qatar said talks went on",
        "Hamas",
        "agreed",
        "Israel",
        "objected",
        "left.",
    ]
    assert clauses("No break here", 0, 13) == [(0, 13)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The trigger owns the trigger-less clauses after it.
        (
            "A new round of negotiations, with the mediation of Egypt, is expected to begin "
            "this morning in Cairo.",
            [
                (
                    "talks",
                    "A new round of negotiations, with the mediation of Egypt, is expected to "
                    "begin this morning in Cairo.",
                )
            ],
        ),
        # The first trigger owns what comes before it...
        (
            "Israeli strikes killed 400 across the Gaza Strip on Tuesday, shattering a ceasefire.",
            [
                (
                    "breakdown",
                    "Israeli strikes killed 400 across the Gaza Strip on Tuesday, shattering a "
                    "ceasefire.",
                )
            ],
        ),
        # ...but not back across "but".
        (
            "The delegation left on Sunday, but talks continue in Cairo.",
            [("talks", "talks continue in Cairo.")],
        ),
        # Nothing across a semicolon; a short opening phrase belongs to its clause.
        (
            "Hamas demanded a withdrawal; at the end of May, Witkoff offered a truce.",
            [
                ("demand", "Hamas demanded a withdrawal"),
                ("proposal", "at the end of May, Witkoff offered a truce."),
            ],
        ),
        # A trigger in an opening subordinate clause owns that clause only.
        (
            "A few hours after the extension was announced, gunmen opened fire in Jerusalem.",
            [("extension", "A few hours after the extension was announced")],
        ),
    ],
)
def test_windows_follow_clause_ownership(text, expected):
    assert owned(text) == expected


def test_a_later_trigger_does_not_reach_back_across_and():
    text = "The agreement was announced on Friday in Doha and approved on Saturday."
    assert owned(text)[1] == ("acceptance", "approved on Saturday.")


# Regression: a trigger span kept the punctuation after its last word.
def test_a_trigger_ends_at_its_last_word():
    text = "A new round of negotiations, with Egypt, is expected."
    assert triggers(text) == [("talks", "round of negotiations", True)]


@given(
    st.lists(
        st.sampled_from(
            'but which who while that butter awho But , ; : — – “ ” " whom t b w _that é'.split()
        ),
        max_size=14,
    )
)
def test_clause_breaks_are_the_plain_alternation(words):
    """The fast clause-break pattern finds what the plain alternation finds."""
    from briefing.triggers import _CLAUSE_BREAK

    plain = re.compile(r",|;|:|—|–|\bbut\b|\bwhich\b|\bwho\b|\bwhile\b|\bthat\b|[“”\"]")
    text = " ".join(words)
    assert [m.span() for m in _CLAUSE_BREAK.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
