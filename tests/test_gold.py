"""Extraction scored against gold written by reading the articles.

The seeds are the acceptance bar of the issues; tests/data holds articles written for the
project in the seeds' style, with their own gold; tests/data/holdout holds a second set whose
scores were not used to tune the rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import config
from briefing.corpus import iter_records, sources
from briefing.evaluate import evaluate, read_gold
from briefing.records import to_dict

DATA = Path(__file__).resolve().parent / "data"


def scores(articles: Path, gold: Path):
    records = [to_dict(r) for r in iter_records(sources([articles]))]
    return evaluate(records, read_gold(gold))


@pytest.fixture(scope="module")
def seeds():
    return scores(config.SEEDS_DIR, config.GOLD_DIR)


def test_seed_figures_are_all_found(seeds):
    assert seeds["figures"].f1 == 1.0, seeds["figures"].misses + seeds["figures"].false_positives


def test_seed_figure_attributes(seeds):
    assert seeds["figures"].accuracy("qualifier") == 1.0
    assert seeds["figures"].accuracy("status") == 1.0
    assert seeds["figures"].accuracy("attribution") >= 0.9


def test_seed_actors(seeds):
    assert seeds["actors"].f1 >= 0.95
    assert seeds["actors"].accuracy("role") >= 0.9


# Thresholds sit a little below the scores measured when they were set (README, Accuracy), so
# that a real regression fails while small trade-offs between sets do not.


def test_seed_events(seeds):
    assert seeds["events"].f1 >= 0.9


def test_every_gold_item_is_scored(seeds):
    gold = read_gold(config.GOLD_DIR)
    for kind, result in seeds.items():
        assert result.true_positives + len(result.misses) == len(gold.items[kind])


# Each set: articles and gold folders under tests/data, then the figures, actors and events
# F1 it must reach. The comment gives the set's first measurement, before any rule saw it.
SETS = [
    ("articles", "gold", 0.97, 0.96, 0.78),  # written alongside the rules
    ("holdout/articles", "holdout/gold", 0.94, 0.96, 0.75),  # first: 0.86, 0.98, 0.31
    ("blind/articles", "blind/gold", 0.92, 0.95, 0.66),  # first: 0.82, 0.95, 0.53
    ("dev/articles", "dev/gold", 0.96, 0.96, 0.77),  # first: 0.87, 0.97, 0.48
    ("dev2/articles", "dev2/gold", 0.86, 0.96, 0.55),  # first: 0.84, 0.96, 0.38
    ("dev3/articles", "dev3/gold", 0.87, 0.95, 0.68),  # first: 0.85, 0.90, 0.43
    ("dev4/articles", "dev4/gold", 0.9, 0.95, 0.7),  # first: 0.84, 0.94, 0.53
    ("dev5/articles", "dev5/gold", 0.87, 0.93, 0.53),  # first: 0.84, 0.92, 0.42
    ("dev6/articles", "dev6/gold", 0.88, 0.93, 0.65),  # first: 0.86, 0.87, 0.44
    ("dev7/articles", "dev7/gold", 0.69, 0.66, 0.4),  # first: 0.72, 0.65, 0.40 (not Gaza)
    ("dev8/articles", "dev8/gold", 0.77, 0.94, 0.34),  # first: 0.80, 0.96, 0.37
]


@pytest.mark.parametrize(("articles", "gold", "figures", "actors", "events"), SETS)
def test_test_sets_score_at_least_their_thresholds(articles, gold, figures, actors, events):
    if not (DATA / gold).is_dir():
        pytest.skip(f"no {gold}")
    result = scores(DATA / articles, DATA / gold)
    assert result["figures"].f1 >= figures
    assert result["actors"].f1 >= actors
    assert result["events"].f1 >= events
