"""Scoring against gold: matching rules, counts, and refusals of unusable gold."""

from __future__ import annotations

import json

import pytest

from briefing.evaluate import Gold, GoldError, evaluate, read_gold, score


def fig(article, measure, low, high=None, **extra):
    return {
        "type": "figure",
        "article": article,
        "measure": measure,
        "low": low,
        "high": low if high is None else high,
        **extra,
    }


def test_matching_is_one_to_one_on_measure_low_high():
    gold = [fig("a", "killed", 10), fig("a", "killed", 10), fig("a", "injured", 5)]
    found = [fig("a", "killed", 10), fig("a", "killed", 12), fig("a", "injured", 5)]
    result = score("figures", gold, found)
    assert result.true_positives == 2
    assert [m["low"] for m in result.misses] == [10]
    assert [f["low"] for f in result.false_positives] == [12]
    assert result.precision == pytest.approx(2 / 3) and result.recall == pytest.approx(2 / 3)


def test_attribute_accuracy_is_over_matched_pairs():
    gold = [fig("a", "killed", 10, qualifier="at_least"), fig("a", "killed", 20, qualifier="exact")]
    found = [fig("a", "killed", 10, qualifier="exact"), fig("a", "killed", 20, qualifier="exact")]
    assert score("figures", gold, found).accuracy("qualifier") == 0.5


def test_the_report_lists_each_attribute_that_differs_from_the_gold():
    from briefing.evaluate import format_report

    gold = [fig("a", "killed", 10, attribution="Gaza Ministry of Health", text="at least 10")]
    found = [fig("a", "killed", 10, attribution="health ministry")]
    result = score("figures", gold, found)
    assert result.disagreements == [("attribution", gold[0], found[0])]
    report = format_report({"figures": result})
    assert (
        "  figures attribution: a killed 10-10 'at least 10'"
        " gold 'Gaza Ministry of Health', extracted 'health ministry'"
    ) in report.splitlines()
    assert "attribution:" not in format_report({"figures": result}, details=False)


def test_only_articles_with_gold_are_scored():
    gold = Gold({"figures": [fig("a", "killed", 1)], "actors": [], "events": []}, {"a"})
    records = [
        {"type": "article", "article": "a"},
        {"type": "article", "article": "b"},
        fig("a", "killed", 1),
        fig("b", "killed", 99),
    ]
    result = evaluate(records, gold)["figures"]
    assert (result.true_positives, len(result.false_positives)) == (1, 0)


def test_no_overlap_is_refused_not_scored_perfect():
    gold = Gold({"figures": [], "actors": [], "events": []}, {"x"})
    with pytest.raises(GoldError, match="no gold annotations"):
        evaluate([{"type": "article", "article": "a"}], gold)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"figures": [{"measure": "killed"}]}, "figures item 1: missing low, high"),
        ({"figures": ["x"]}, "figures item 1: expected an object"),
        ({"figures": [{"measure": "killed", "low": "many", "high": 3}]}, "low must be a number"),
        ({"actors": {"name": "Hamas"}}, "'actors' must be a list"),
        # An unfinished file is an error, not an article whose every record is false.
        ({}, r"a\.json: no 'figures', 'actors', 'events' list \(write \"figures\": \[\]"),
        ({"figures": [], "actors": []}, r"no 'events' list \(write \"events\": \[\] for an"),
    ],
)
def test_bad_gold_is_a_clear_error(tmp_path, content, message):
    (tmp_path / "a.json").write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        read_gold(tmp_path)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_gold_counts_must_be_real_numbers(tmp_path, constant):
    text = '{"figures": [{"measure": "killed", "low": CONSTANT, "high": 3}]}'
    text = text.replace("CONSTANT", constant)
    (tmp_path / "a.json").write_text(text, encoding="utf-8")
    with pytest.raises(GoldError, match=f"{constant.lstrip('-')} is not a JSON number"):
        read_gold(tmp_path)


def test_gold_nested_beyond_reason_is_a_clear_error(tmp_path):
    (tmp_path / "a.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(GoldError, match=r"a\.json: not valid JSON"):
        read_gold(tmp_path)


def test_gold_counts_beyond_any_float_are_refused(tmp_path):
    text = '{"figures": [{"measure": "killed", "low": 1e400, "high": 3}]}'
    (tmp_path / "a.json").write_text(text, encoding="utf-8")
    with pytest.raises(GoldError, match="too large to be a count"):
        read_gold(tmp_path)
