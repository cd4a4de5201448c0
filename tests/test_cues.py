"""Cue sets: labelled phrases found as whole words, case-insensitively, longest first."""

from __future__ import annotations

from briefing.cues import CueSet, cue_set

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
