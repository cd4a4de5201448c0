"""Cue sets: labelled phrases found as whole words, case-insensitively, longest first."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.cues import SCANS_BEFORE_INDEX, CueSet, cue_index, cue_set, pattern_index

STATUS = CueSet(
    {
        "agreed": ["deal reached", "signed"],
        "proposed": ["deal", "proposal"],
        "truce": ["ceasefire", "cease-fire"],
    }
)


def cues(cue_set: CueSet, text: str, start: int = 0, end: int | None = None):
    return [(text[a:b], label) for a, b, label in cue_set.find(text, start, end)]


def test_matching_is_case_insensitive_on_whole_words():
    text = "A CEASEFIRE; ceasefires, pre-ceasefire and ceasefire-era talks; a Cease-Fire."
    assert cues(STATUS, text) == [("CEASEFIRE", "truce"), ("Cease-Fire", "truce")]


def test_longest_phrase_wins_and_spaces_match_any_run():
    text = "A deal reached today, a deal\n  reached later, and a deal."
    assert cues(STATUS, text) == [
        ("deal reached", "agreed"),
        ("deal\n  reached", "agreed"),
        ("deal", "proposed"),
    ]


def test_label_looks_up_a_phrase_whatever_its_case_and_spacing():
    assert STATUS.label("Deal  Reached") == "agreed"
    assert STATUS.label("PROPOSAL") == "proposed"
    assert STATUS.label("agreement") is None


def test_find_and_any_read_only_the_slice_given():
    text = "The proposal was signed."
    signed = text.index("signed")
    assert cues(STATUS, text, 0, signed) == [("proposal", "proposed")]
    assert cues(STATUS, text, signed) == [("signed", "agreed")]
    assert STATUS.any(text, signed)
    assert not STATUS.any(text, 0, 4)
    assert not STATUS.any("no cue here")


def test_an_empty_cue_set_finds_nothing():
    empty = CueSet({"none": []})
    assert empty.find("anything at all") == []
    assert not empty.any("") and empty.label("anything") is None


def test_cue_set_labels_from_a_mapping_or_from_list_keys():
    # measures.yaml: `heads` maps head classes to nouns; truce_words/not_truce_words are lists.
    heads = cue_set("measures.yaml", "heads")
    assert heads.label("Hostages") == "hostage"
    assert heads.label("trucks") == "truck"
    truce = cue_set("measures.yaml", "truce_words", "not_truce_words")
    text = "A pause in the war."
    assert cues(truce, text) == [("pause", "truce_words"), ("war", "not_truce_words")]


_WORDS = ["deal", "reached", "signed", "ceasefire", "cease-fire", "proposal", "the", "no", "a"]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40),
    separators=st.lists(st.sampled_from([" ", "  ", ", ", "-", "; ", ""]), min_size=40),
    parts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), min_size=16, max_size=40),
)
def test_an_index_answers_every_part_as_a_scan_of_that_part(words, separators, parts):
    text = "".join(w + s for w, s in zip(words, separators, strict=False))
    start, end = 1, max(1, len(text) - 1)
    index = cue_index(STATUS, text, start, end)
    for a, b in parts:
        a, b = sorted((start + a % (end - start + 1), start + b % (end - start + 1)))
        assert index.find(a, b) == (STATUS.find(text, a, b) if a < b else [])


def test_a_pattern_index_gives_each_parts_matches():
    text = "one; two: three; four - five; six"
    index = pattern_index(re.compile(r"[;:]"), text, 0, len(text))
    for _ in range(SCANS_BEFORE_INDEX + 3):  # past the point where the index is built
        assert [text[a:b] for a, b, _ in index.find(4, 20)] == [":", ";"]
        assert index.find(0, 3) == [] and index.find(5, 5) == []


_PHRASES = ["deal", "deal reached", "signed", "cease-fire", "sign", "kabul", "in", "is"]
_PHRASES += ["_x", "éte"]
_PIECES = ["deal", "DEAL", "reached", "Signed", "ſigned", "ceaſe-fire", "Kabul", "\u212aabul"]
_PIECES += ["in", "İn", "ın", "IS", "_x", "Éte", "éte", "x", "5", "-", "_"]


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(
        st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", "\n", ", ", "-", "_"])),
        max_size=25,
    ),
    cut=st.tuples(st.integers(0, 300), st.integers(0, 300)),
)
def test_a_cue_set_matches_what_the_plain_whole_word_pattern_matches(parts, cut):
    # The plain form: longest phrase first, any run of spaces between words.
    ordered = sorted(_PHRASES, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)
    plain = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I)
    cue_set = CueSet({"cue": _PHRASES})
    text = "".join(a + b for a, b in parts)
    start, end = min(cut), min(max(cut), len(text))
    # (The pattern, not find: a folded "ſ" matches, but has no label to look up.)
    assert [m.span() for m in cue_set.pattern.finditer(text, start, end)] == [
        m.span() for m in plain.finditer(text, start, end)
    ]
