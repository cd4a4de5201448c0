"""Sentence spans: abbreviations do not end sentences, paragraphs do, no text is lost."""

from __future__ import annotations

import pytest

from briefing.sentences import MAX_SENTENCE, split_sentences


def sentences(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, start, end)]


def test_docstring_example():
    text = "Talks resumed. Dr. Smith said so.\n\nNew paragraph"
    assert split_sentences(text) == [(0, 14), (15, 33), (35, 48)]


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Smith arrived.",
        "The U.S. State Department said so.",
        "Gen. Halevi met Mr. Witkoff at 9 a.m. Sunday.",
        "The U.N. Security Council voted, e.g. Resolution 2735.",
        "Talks resumed on Jan. 15 in Cairo.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


# Regression: an abbreviation opening a paragraph ended a sentence.
def test_abbreviation_opening_a_paragraph_does_not_end_a_sentence():
    text = "Gaza talks\n\nU.S. Secretary of State Antony Blinken flew in."
    assert sentences(text) == ["Gaza talks", "U.S. Secretary of State Antony Blinken flew in."]


# Regression: an abbreviation after an opening quote ended a sentence.
def test_abbreviation_after_an_opening_quote_does_not_end_a_sentence():
    text = 'He left. "Dr. Smith will come," she said.'
    assert sentences(text) == ["He left.", '"Dr. Smith will come," she said.']


def test_sentences_end_at_stops_questions_and_exclamations():
    text = "Is the truce holding? It is! 40 hostages were freed. Talks go on."
    assert sentences(text) == [
        "Is the truce holding?",
        "It is!",
        "40 hostages were freed.",
        "Talks go on.",
    ]


def test_lower_case_after_a_stop_does_not_start_a_sentence():
    text = "The deal, approx. three weeks long, held."
    assert sentences(text) == [text]


def test_closing_quotes_stay_with_their_sentence_and_opening_quotes_start_one():
    text = 'He said: "We agree." Then he left. "We will return," she said.'
    assert sentences(text) == [
        'He said: "We agree."',
        "Then he left.",
        '"We will return," she said.',
    ]
    curly = "“It is over.” The talks ended."
    assert sentences(curly) == ["“It is over.”", "The talks ended."]


def test_paragraph_break_ends_a_sentence_without_a_stop():
    text = "Hostage deal within reach\n\n  Mediators met in Doha.\n \nNo date was set"
    assert sentences(text) == [
        "Hostage deal within reach",
        "Mediators met in Doha.",
        "No date was set",
    ]


def test_spans_cover_every_non_blank_character_once_without_surrounding_space():
    text = '  Title line\n\nFirst one. Second (aside). Dr. Who? "Quote."\n\n\nLast  '
    spans = split_sentences(text)
    covered = [i for a, b in spans for i in range(a, b)]
    assert covered == sorted(set(covered))  # in order, no overlap
    assert {i for i, c in enumerate(text) if not c.isspace()} <= set(covered)
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in spans)


def test_start_and_end_limit_the_split_to_a_slice():
    text = "Headline. Body one. Body two. Tail."
    start, end = text.index("Body one"), text.index(" Tail")
    assert sentences(text, start, end) == ["Body one.", "Body two."]
    assert split_sentences("   \n\n  ") == []


def test_an_overlong_run_without_full_stops_is_cut_at_clause_breaks():
    # A table flattened into one line: thousands of figures and no full stop. Read as one
    # sentence, every figure would re-read all the others.
    rows = [f"{n} killed in district {n % 7}" for n in range(2, 400)]
    text = "Casualties by district: " + "; ".join(rows) + "."
    spans = split_sentences(text)
    assert len(spans) > 5
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert all(text[b - 1] in ";." for a, b in spans)  # cut after a semicolon, not mid-row
    assert "".join(text.split()) == "".join("".join(text[a:b].split()) for a, b in spans)


def test_an_overlong_word_is_cut_at_the_limit():
    text = "x" * (MAX_SENTENCE * 2 + 10)
    assert split_sentences(text) == [
        (0, MAX_SENTENCE),
        (MAX_SENTENCE, 2 * MAX_SENTENCE),
        (2 * MAX_SENTENCE, len(text)),
    ]


def test_a_long_news_sentence_is_left_whole():
    clause = "the mediators said the talks in Cairo would resume on Sunday, "
    text = ("According to officials, " + clause * 12).rstrip(", ") + "."
    assert len(text) < MAX_SENTENCE
    assert split_sentences(text) == [(0, len(text))]
