"""Shared fixtures: the project's paths, the gazetteer, and a helper to extract one text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefing import config
from briefing.articles import parse_article
from briefing.extract import extract_article
from briefing.gazetteer import default_gazetteer
from briefing.records import to_dict

TESTS = Path(__file__).resolve().parent
SHARED = config.ROOT.parent / "shared"


@pytest.fixture(scope="session")
def gazetteer():
    return default_gazetteer()


@pytest.fixture()
def extract():
    """Extract records (as contract dicts) from a literal article text.

    The text is given as the body; a headline "Test" is added so offsets are realistic.
    """

    def run(body: str, published: date | None = date(2024, 3, 6), kind: str | None = None):
        article = parse_article("Test headline\n\n" + body, "t")
        article.published = published
        records = [to_dict(r) for r in extract_article(article)]
        if kind:
            records = [r for r in records if r["type"] == kind]
        return records

    return run


@pytest.fixture(scope="session")
def seed_records():
    """Every record of the seeds, as the CLI prints them."""
    from briefing.corpus import iter_records, sources

    return [to_dict(r) for r in iter_records(sources([config.SEEDS_DIR]))]
