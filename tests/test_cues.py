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


def test_windows_of_a_long_text_read_as_if_alone():
    """A window's cues, taken from one reading of the whole article, are those the window
    alone gives, also when its edges cut words or phrases."""
    import random

    from briefing import config
    from briefing.articles import read_article

    cues = cue_set("measures.yaml", "heads")
    multi = CueSet({"x": ["prisoner exchange", "prisoner", "exchange", "talks", "fire"]})
    rng = random.Random(5)
    for path in sorted(config.SEEDS_DIR.glob("*.txt")):
        text = read_article(path).text + " prisoner exchange talks cease-fire prisoners"
        for cue_set_ in (cues, multi):
            windows = []
            for _ in range(100):
                start = rng.randrange(len(text))
                windows.append((start, min(len(text), start + rng.randrange(0, 400))))
            for match in cue_set_.pattern.finditer(text):  # edges inside and around cues
                for cut in range(-1, match.end() - match.start() + 2):
                    windows.append((match.start() + cut, min(len(text), match.start() + 300)))
                    windows.append((max(0, match.start() - 300), match.start() + cut))
            tail = len(text) - 45  # the words added at the end, cut at every character
            windows += [(tail - 200, end) for end in range(tail, len(text) + 1)]
            windows += [(start, len(text)) for start in range(tail, len(text) - 450, -1)]
            for start, end in windows:
                alone = [
                    (m.start(), m.end(), cue_set_.labels[" ".join(m.group().lower().split())])
                    for m in cue_set_.pattern.finditer(text, start, end)
                ]
                assert cue_set_.find(text, start, end) == alone, (path.name, start, end)
                assert cue_set_.any(text, start, end) == bool(alone)
