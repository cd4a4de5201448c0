"""Every default path of the project, anchored on the repository root."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "data"
CUES_DIR = DATA_DIR / "cues"
GOLD_DIR = DATA_DIR / "gold"
CATALOG_PATH = DATA_DIR / "catalog.csv"
GAZETTEER_PATH = DATA_DIR / "gazetteer.yaml"
PLACES_PATH = DATA_DIR / "places.yaml"
BUILD_DIR = ROOT / "build"
NOTEBOOKS_DIR = ROOT / "notebooks"

CORPUS_DIR = ROOT / "corpus"
"""Where ``briefing ingest`` builds the analyst's own corpus unless told otherwise."""

ARTICLE_SUFFIXES = (".txt",)
"""File suffixes read as articles when a plain folder (not an ingested corpus) is given."""
INGEST_SUFFIXES = (".txt", ".md", ".html", ".htm")
"""File suffixes ``briefing ingest`` accepts: plain text, Markdown, saved web pages."""
MAX_ARTICLE_BYTES = 5_000_000
"""Files larger than this (5 MB) are refused by ``briefing ingest`` unless told otherwise."""
