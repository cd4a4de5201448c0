"""Framing: whether a figure is reported or a term, its scope, its date, truce lengths.

Expected values follow the extraction contract (status, scope, as_of) and the cue lists'
headers in data/cues/status.yaml and scope.yaml. Articles here are published on Wednesday
6 March 2024.
"""

from __future__ import annotations

from datetime import date

import pytest

from briefing.framing import Context, as_of, scope, status, truce_context
from briefing.heads import find_head
from briefing.numbers import Quantity, find_quantities

PUBLISHED = date(2024, 3, 6)


def framed(text: str, number: str, deal: str | None = None) -> tuple[Quantity, Context]:
    """The quantity written ``number`` in the last sentence of ``text``, and its context.

    ``text`` holds one sentence, or two joined by ". " (the first is the sentence before).
    """
    cut = text.find(". ") + 2 if ". " in text else 0
    previous = (0, cut - 1) if cut else None
    ctx = Context(text, PUBLISHED, (cut, len(text)), previous, deal)
    matches = [q for q in find_quantities(text, cut) if text[q.start : q.end] == number]
    assert len(matches) == 1, [text[q.start : q.end] for q in find_quantities(text, cut)]
    return matches[0], ctx


def frame(measure: str, text: str, number: str, deal: str | None = None):
    """(status, scope, as_of) of a figure, each computed as extraction does."""
    quantity, ctx = framed(text, number, deal)
    figure_status = status(measure, quantity, ctx)
    figure_scope = scope(measure, quantity, ctx, figure_status)
    return figure_status, figure_scope, as_of(measure, figure_status, figure_scope, quantity, ctx)


@pytest.mark.parametrize(
    ("measure", "text", "number", "expected"),
    [
        # A toll is always reported, even in a sentence about a proposal.
        ("killed", "The proposal would see 40 hostages freed and 30 people killed.", "30",
         "reported"),
        ("hostages_released", "The proposal would see 40 hostages released.", "40", "proposed"),
        ("hostages_released", "Hamas released 13 hostages on Friday.", "13", "reported"),
        ("hostages_released",
         "Under the agreement signed on Wednesday, 50 hostages are to be released.", "50",
         "agreed"),
        ("prisoners_released", "Hamas demands the release of 1,000 prisoners.", "1,000",
         "demanded"),
        # "released" after a counted noun is no fact when the sentence also states a term.
        ("hostages_released", "Israel would free 30 prisoners for every ten hostages released.",
         "ten", "proposed"),
        ("duration", "A four-day truce came into force on Friday.", "four-day", "agreed"),
        ("duration", "The pause had held for seven days.", "seven", "reported"),
        ("duration", "Qatar proposed a six-week truce.", "six-week", "proposed"),
    ],
)  # fmt: skip
def test_status(measure, text, number, expected):
    quantity, ctx = framed(text, number)
    assert status(measure, quantity, ctx) == expected


def test_a_term_without_deal_words_belongs_to_the_deal_last_spoken_of():
    quantity, ctx = framed("A six-week pause.", "six-week")
    assert status("duration", quantity, ctx) == "proposed"
    quantity, ctx = framed("A six-week pause.", "six-week", deal="agreed")
    assert status("duration", quantity, ctx) == "agreed"
    quantity, ctx = framed("A truce was agreed. It would last six weeks.", "six")
    assert status("duration", quantity, ctx) == "agreed"


@pytest.mark.parametrize(
    ("measure", "text", "number", "expected"),
    [
        ("killed", "Since October 7, 30,000 Palestinians have been killed.", "30,000",
         ("reported", "cumulative", "2024-03-06")),
        ("killed", "In the past 24 hours, 90 people were killed.", "90",
         ("reported", "period", "2024-03-06")),
        ("killed", "An airstrike killed 12 people on Monday.", "12",
         ("reported", "incident", "2024-03-04")),
        ("killed", "The attack of October 7, in which 1,200 people were killed, began the war.",
         "1,200", ("reported", "incident", "2023-10-07")),
        ("hostages_released", "On Monday, 11 Israelis were freed.", "11",
         ("reported", "incident", "2024-03-04")),
        ("hostages_released", "Hamas has so far released 105 hostages.", "105",
         ("reported", "cumulative", "2024-03-06")),
        ("hostages_released", "During the truce, Hamas freed 105 hostages.", "105",
         ("reported", "period", None)),
        ("hostages_held", "Hamas still holds 130 hostages.", "130",
         ("reported", None, "2024-03-06")),
        ("aid_trucks", "Israel let 200 trucks in.", "200", ("reported", "period", None)),
        ("duration", "A four-day truce came into force on Friday.", "four-day",
         ("agreed", None, None)),
    ],
)  # fmt: skip
def test_scope_and_as_of_of_reported_figures(measure, text, number, expected):
    assert frame(measure, text, number) == expected


def test_terms_have_no_scope_or_date_unless_they_name_their_day():
    assert frame("hostages_released", "The proposal would see 40 hostages released.", "40") == (
        "proposed",
        None,
        None,
    )
    assert frame("hostages_released", "Hamas will release eight hostages today.", "eight") == (
        "proposed",
        "incident",
        "2024-03-06",
    )


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Qatar proposed a six-week truce.", "six-week", True),
        ("The pause had held for seven days.", "seven", True),
        ("A truce was agreed. The first phase lasts 42 days.", "42", True),
        ("Talks lasted two days.", "two", False),
        ("Two days of talks ended in a truce.", "Two", False),
        ("They met two days ago, before the truce.", "two", False),
        ("Strikes came within 72 hours of the truce.", "72", False),
        # Regression: the verb "last" was read as "in the last N days".
        ("The first phase of the truce would last 42 days.", "42", True),
    ],
)  # fmt: skip
def test_truce_context(text, number, expected):
    quantity, ctx = framed(text, number)
    head = find_head(text, quantity, ctx.sentence[1])
    assert truce_context(quantity, head.end, head.phrase, ctx) is expected
