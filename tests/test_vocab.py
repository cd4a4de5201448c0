"""Vocabulary files: YAML and line lists loaded from data/cues, clear errors when they are bad."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing import config
from briefing.vocab import (
    VocabularyError,
    load_lines,
    load_yaml,
    phrase_pattern,
    word_pattern,
    word_start,
)


def test_load_yaml_reads_a_file_from_the_directory_given(tmp_path):
    (tmp_path / "words.yaml").write_text("truce: [pause, lull]\nrecent_days: 21\n", "utf-8")
    assert load_yaml("words.yaml", tmp_path) == {"truce": ["pause", "lull"], "recent_days": 21}


def test_missing_vocabulary_file_is_a_vocabulary_error_naming_it(tmp_path):
    with pytest.raises(VocabularyError) as error:
        load_yaml("absent.yaml", tmp_path)
    assert str(error.value) == f"{tmp_path / 'absent.yaml'}: vocabulary file not found"
    assert isinstance(error.value, ValueError)


def test_invalid_yaml_is_a_vocabulary_error_naming_the_file(tmp_path):
    (tmp_path / "broken.yaml").write_text("truce: [pause, lull\n", "utf-8")
    with pytest.raises(VocabularyError, match=r"broken\.yaml: not valid YAML"):
        load_yaml("broken.yaml", tmp_path)


def test_no_yes_on_off_stay_words_in_a_word_list(tmp_path):
    # YAML 1.1 would read them as booleans and the list would silently lose the word.
    (tmp_path / "cues.yaml").write_text(
        "negated: [not, no, never]\nnot_names: [On, Yes, No, OFF]\nneeds_object: true\n",
        "utf-8",
    )
    data = load_yaml("cues.yaml", tmp_path)
    assert data["negated"] == ["not", "no", "never"]
    assert data["not_names"] == ["On", "Yes", "No", "OFF"]
    assert data["needs_object"] is True  # a setting, not a word


def test_the_shipped_vocabularies_keep_no_as_a_negation_and_on_as_a_not_name():
    assert "no" in load_yaml("stages.yaml")["modality"]["negated"]
    assert {"On", "No", "Yes"} <= set(load_yaml("actors.yaml")["not_names"])


@pytest.mark.parametrize("item", ["true", "False", "~", ""])
def test_a_boolean_or_empty_item_in_a_word_list_names_the_file_and_key(tmp_path, item):
    (tmp_path / "cues.yaml").write_text(f"stages:\n  talks:\n    - talks\n    - {item}\n", "utf-8")
    with pytest.raises(VocabularyError) as error:
        load_yaml("cues.yaml", tmp_path)
    message = str(error.value)
    assert message.startswith(f"{tmp_path / 'cues.yaml'}: stages/talks: ")
    assert "quote" in message and "\n" not in message


def test_numbers_in_a_list_are_kept(tmp_path):
    (tmp_path / "vague.yaml").write_text("dozens: [24, 99]\n", "utf-8")
    assert load_yaml("vague.yaml", tmp_path) == {"dozens": [24, 99]}


def test_load_lines_skips_comments_and_blank_lines(tmp_path, monkeypatch):
    (tmp_path / "test_vocab_lines.txt").write_text(
        "# a comment\nDr.\n\n   \n  U.S.  \n#U.N.\n", "utf-8"
    )
    monkeypatch.setattr(config, "CUES_DIR", tmp_path)
    assert load_lines("test_vocab_lines.txt") == ("Dr.", "U.S.")
    with pytest.raises(VocabularyError, match="vocabulary file not found"):
        load_lines("test_vocab_absent.txt")


def test_project_abbreviations_list_holds_titles_with_their_dot():
    abbreviations = load_lines("abbreviations.txt")
    assert {"Dr.", "U.S.", "a.m."} <= set(abbreviations)
    assert not any(line.startswith("#") for line in abbreviations)


def test_phrase_pattern_tries_longest_first_and_lets_spaces_stretch():
    pattern = re.compile(phrase_pattern(["deal", " deal reached ", "", "  "]), re.I)
    assert pattern.match("deal reached").group() == "deal reached"
    assert pattern.match("Deal \t reached").group() == "Deal \t reached"
    assert pattern.match("deal done").group() == "deal"


def test_phrase_pattern_escapes_punctuation_and_never_matches_when_empty():
    assert re.fullmatch(phrase_pattern(["a.m."]), "a.m.")
    assert re.fullmatch(phrase_pattern(["a.m."]), "axmx") is None
    assert re.search(phrase_pattern([]), "anything") is None


@given(
    st.lists(st.text(alphabet="abkKsSſıİIi -é", min_size=1, max_size=8), min_size=1, max_size=8),
    st.text(alphabet="abkKsSſıİIi -é,.\n", max_size=60),
)
def test_word_pattern_matches_what_the_plain_pattern_matches(phrases, text):
    """The fast form finds the same spans as the plain case-insensitive whole-word form."""
    plain = re.compile(rf"(?<![\w-]){phrase_pattern(phrases)}(?![\w-])", re.IGNORECASE)
    fast = re.compile(word_pattern(phrases))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_word_pattern_reads_cue_words_in_news_text():
    pattern = re.compile(word_pattern(["ceasefire", "truce", "talks", "prisoner exchange"]))
    text = (
        "Ceasefire TALKS stalled; the pre-truce prisoner\n exchange, truces and talks-in-waiting."
    )
    assert [m.group() for m in pattern.finditer(text)] == [
        "Ceasefire",
        "TALKS",
        "prisoner\n exchange",
    ]


@given(
    st.lists(st.text(alphabet="abkKsSſıİIi -é“", min_size=1, max_size=8), min_size=1, max_size=6),
    st.text(alphabet="abkKsSſıİIi -é,.\n“", max_size=60),
)
def test_word_start_matches_what_a_plain_word_boundary_matches(phrases, text):
    """``word_start`` finds what ``\\b(?:phrase|...)`` with re.IGNORECASE finds."""
    plain = re.compile(rf"\b{phrase_pattern(phrases)}", re.IGNORECASE)
    quick = re.compile(word_start(phrases))
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    "path",
    [*sorted(config.CUES_DIR.glob("*.yaml")), config.DATA_DIR / "gazetteer.yaml"],
    ids=lambda p: p.name,
)
def test_the_fast_parser_reads_every_shipped_file_as_the_plain_one_does(path):
    import yaml

    from briefing.vocab import WordsLoader, read_yaml

    text = path.read_text(encoding="utf-8")
    assert read_yaml(text) == yaml.load(text, Loader=WordsLoader)


@pytest.mark.parametrize(
    "value",
    [["President", {"Prime": "x"}], "administration", [1, 2]],
    ids=["a key typed in the list", "a bare word", "numbers"],
)
def test_a_word_list_that_is_not_one_is_an_error_naming_file_and_key(value):
    from briefing.vocab import word_list

    with pytest.raises(VocabularyError, match=r"actors\.yaml: state_body_words: expected a list"):
        word_list({"state_body_words": value}, "state_body_words", "actors.yaml")
    assert word_list({}, "state_body_words", "actors.yaml", ("State",)) == ["State"]


def test_a_tab_or_an_impossible_date_is_read_as_the_plain_parser_reads_it():
    import yaml

    from briefing.vocab import read_yaml

    with pytest.raises(yaml.YAMLError):
        read_yaml("words: [told\tto]")
    with pytest.raises(yaml.YAMLError, match="day is out of range"):
        read_yaml("since: 2024-02-30")
