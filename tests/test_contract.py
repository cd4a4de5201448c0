"""Every record keeps the extraction contract (../shared/extraction-contract.md)."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from briefing import config

from .conftest import SHARED

NULLABLE_STRING = {"type": ["string", "null"]}
DATE = {"anyOf": [{"type": "null"}, {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}]}
SPAN = {"type": "integer", "minimum": 0}

SCHEMAS = {
    "article": {
        "required": [
            "article",
            "id",
            "title",
            "outlet",
            "published",
            "language",
            "chars",
            "sentences",
        ],
        "properties": {
            "id": {"type": "string"},
            "title": NULLABLE_STRING,
            "outlet": NULLABLE_STRING,
            "published": DATE,
            "language": {"type": "string", "pattern": "^[a-z]{2}$"},
            "chars": {"type": "integer", "minimum": 0},
            "sentences": {"type": "integer", "minimum": 0},
        },
    },
    "figure": {
        "required": [
            "article",
            "measure",
            "low",
            "high",
            "qualifier",
            "unit",
            "group",
            "status",
            "scope",
            "attribution",
            "as_of",
            "text",
            "start",
            "end",
            "sentence",
        ],
        "properties": {
            "measure": {
                "enum": [
                    "killed",
                    "injured",
                    "hostages_taken",
                    "hostages_held",
                    "hostages_dead",
                    "hostages_released",
                    "prisoners_released",
                    "displaced",
                    "hostages_alive",
                    "remains_returned",
                    "missing",
                    "duration",
                    "phases",
                    "aid_trucks",
                    "other",
                ]
            },
            "low": {"type": "number"},
            "high": {"type": "number"},
            "qualifier": {"enum": ["exact", "at_least", "at_most", "approximately", "range"]},
            "unit": {"enum": ["people", "days", "trucks", "count"]},
            "group": NULLABLE_STRING,
            "status": {"enum": ["reported", "demanded", "proposed", "agreed"]},
            "scope": {"enum": ["cumulative", "incident", "period", None]},
            "attribution": NULLABLE_STRING,
            "as_of": DATE,
            "text": {"type": "string", "minLength": 1},
            "start": SPAN,
            "end": SPAN,
            "sentence": {"type": "string", "minLength": 1},
        },
    },
    "actor": {
        "required": ["article", "name", "kind", "affiliation", "role", "mentions", "spans"],
        "properties": {
            "name": {"type": "string"},
            "kind": {"enum": ["person", "organization", "state", "media"]},
            "affiliation": NULLABLE_STRING,
            "role": {"enum": ["party", "mediator", "host", "source", "other"]},
            "mentions": {"type": "integer", "minimum": 1},
            "spans": {
                "type": "array",
                "items": {"type": "array", "items": SPAN, "minItems": 2, "maxItems": 2},
            },
        },
    },
    "event": {
        "required": [
            "article",
            "stage",
            "modality",
            "cameo",
            "date",
            "date_precision",
            "place",
            "actors",
            "text",
            "start",
            "end",
        ],
        "properties": {
            "stage": {
                "enum": [
                    "talks",
                    "demand",
                    "proposal",
                    "counterproposal",
                    "acceptance",
                    "rejection",
                    "agreement",
                    "implementation",
                    "extension",
                    "violation",
                    "breakdown",
                ]
            },
            "modality": {"enum": ["actual", "planned", "hypothetical", "negated"]},
            "cameo": {"anyOf": [{"type": "null"}, {"type": "string", "pattern": r"^\d{3,4}$"}]},
            "date": DATE,
            "date_precision": {"enum": ["day", "month", "year", None]},
            "place": NULLABLE_STRING,
            "actors": {"type": "array", "items": {"type": "string"}},
            "text": {"type": "string", "minLength": 1},
            "start": SPAN,
            "end": SPAN,
        },
    },
}


@pytest.fixture(scope="module")
def printed():
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "extract", str(config.SEEDS_DIR)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_every_record_matches_its_schema(printed):
    for line in printed.splitlines():
        record = json.loads(line)
        schema = {"type": "object", **SCHEMAS[record["type"]]}
        jsonschema.validate(record, schema)
        if record["type"] == "figure":
            assert record["low"] <= record["high"]
        if "start" in record:
            assert record["start"] < record["end"]


def test_offsets_trace_back_to_the_cleaned_text(printed, seed_records):
    from briefing.corpus import load_corpus

    texts = load_corpus().texts
    for record in map(json.loads, printed.splitlines()):
        text = texts[record["article"]]
        if record["type"] in ("figure", "event"):
            assert text[record["start"] : record["end"]] == record["text"]
        if record["type"] == "actor":
            for start, end in record["spans"]:
                assert 0 <= start < end <= len(text)


@pytest.mark.skipif(
    not (SHARED / "tools" / "check_contract.py").exists(), reason="shared/ not beside the repo"
)
def test_shared_contract_checker_accepts_the_output(printed):
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "check_contract.py")],
        input=printed,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("0 problem(s)")
