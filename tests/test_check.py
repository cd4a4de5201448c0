"""``briefing check``: every problem of the catalog, gazetteer, places and gold, one line each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import config, ingest
from briefing.check import (
    check,
    check_catalog,
    check_gazetteer,
    check_gold,
    check_places,
    check_stages,
)
from briefing.cli import main

HEADER = "id,title,outlet,published,original_language,url\n"


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_project_data_is_clean() -> None:
    result = run("check")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"ok: catalog {config.CATALOG_PATH} (5 rows, 5 article files);")


def test_every_catalog_problem_is_listed(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(
        HEADER + "a,T,O,2024-02-30,en,\n"
        ",T,O,2024-02-01,en,\n"
        "b,T,O,2024-02-01,english,www.example.org\n"
        "b,T,O,2024-02-01,en,https://example.org/b\n",
        encoding="utf-8",
    )
    problems, ids = check_catalog(path)
    assert problems == [
        f"{path}: line 2: published '2024-02-30' is not an ISO date (YYYY-MM-DD)",
        f"{path}: line 3: empty id",
        f"{path}: line 4: original_language 'english' is not an ISO 639 code",
        f"{path}: line 4: url 'www.example.org' is not an http(s) address",
        f"{path}: line 5: duplicate id 'b'",
    ]
    assert ids == {"a", "b"}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("id,title\nx,y\n", "missing column(s): outlet, published, original_language, url"),
        (None, "catalog not found"),
    ],
)
def test_unreadable_catalog(tmp_path: Path, content: str | None, problem: str) -> None:
    path = tmp_path / "catalog.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert check_catalog(path)[0] == [f"{path}: {problem}"]


def test_catalog_rows_and_article_files_must_match(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A\n\nBody.\n", encoding="utf-8")
    (tmp_path / "orphan.txt").write_text("B\n\nBody.\n", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text(HEADER + "a,,,,,\nghost,,,,,\n", encoding="utf-8")
    report = check(tmp_path)
    assert report.problems == [
        f"{tmp_path / 'catalog.csv'}: ghost: no article file in {tmp_path}",
        f"{tmp_path / 'orphan'}.txt: no row in {tmp_path / 'catalog.csv'}",
    ]


def test_gazetteer_problems_are_all_listed(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(
        "- name: Hamas\n  kind: organization\n  role: party\n  aliases: [Hamas, HMS]\n"
        "- name: Qatar\n  kind: country\n  role: mediator\n"
        "- name: Egypt\n  kind: state\n  role: referee\n"
        "- name: Hamas\n  kind: organization\n"
        "- kind: person\n"
        "- name: Khalil al-Hayya\n  kind: person\n  role: party\n  affiliation: Hamass\n"
        "- name: Health Service\n  kind: organization\n  aliases: [HMS]\n"
        "- name: Mossad\n  kind: organization\n"
        "  descriptions: [{text: Mossad chief, from: soon}]\n",
        encoding="utf-8",
    )
    problems, names = check_gazetteer(path)
    kinds, roles = "person, organization, state, media", "party, mediator, host, source, other"
    assert problems == [
        f"{path}: entry 2 (Qatar): kind 'country' is not one of {kinds}",
        f"{path}: entry 3 (Egypt): role 'referee' is not one of {roles}",
        f"{path}: entry 4: duplicate name 'Hamas'",
        f"{path}: entry 5: every entry needs a name",
        f"{path}: entry 8: 'soon' is not an ISO date",
        f"{path}: Khalil al-Hayya: affiliation 'Hamass' is not an entry",
        f"{path}: alias 'HMS' names several actors: Hamas, Health Service",
    ]
    assert names == {"Hamas", "Khalil al-Hayya", "Health Service"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            "- name: [unclosed\n",
            "not valid YAML (line 2: expected ',' or ']', but got '<stream end>')",
        ),
        ("name: Hamas\n", "expected a list of entries"),
    ],
)
def test_unreadable_gazetteer(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "gazetteer.yaml"
    path.write_text(text, encoding="utf-8")
    assert check_gazetteer(path) == ([f"{path}: {problem}"], None)


def test_places_problems(tmp_path: Path) -> None:
    path = tmp_path / "places.yaml"
    path.write_text("- name: Cairo\n- country: Qatar\n- name: Cairo\n", encoding="utf-8")
    assert check_places(path) == (
        [
            f"{path}: entry 2: every place needs a name",
            f"{path}: entry 3: duplicate place 'Cairo'",
        ],
        {"Cairo"},
    )


def test_gold_problems_are_all_listed(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "article": "a",
                "figures": [
                    {"measure": "killed", "low": 10, "high": 5, "qualifier": "exact"},
                    {"measure": "dead", "low": "ten", "high": 10, "qualifier": "some",
                     "as_of": "2024-13-01"},
                ],
                "actors": [{"name": "Hamas", "kind": "group"}, {"role": "party"}],
                "events": [{"stage": "talks", "date": "soon", "date_precision": "week"}, "x"],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    (tmp_path / "b.json").write_text('{"article": "c", "figures": {}}', encoding="utf-8")
    (tmp_path / "d.json").write_text("{not json", encoding="utf-8")
    problems = check_gold(tmp_path, articles={"a"})
    a, b, d = (tmp_path / n for n in ("a.json", "b.json", "d.json"))
    assert problems == [
        f"{a}: figures 1: low 10 is above high 5",
        f"{a}: figures 2: measure 'dead' is not one of killed, injured, hostages_taken,"
        " hostages_held, hostages_dead, hostages_released, prisoners_released, displaced,"
        " hostages_alive, remains_returned, missing, duration, phases, aid_trucks, other",
        f"{a}: figures 2: qualifier 'some' is not one of exact, at_least, at_most,"
        " approximately, range",
        f"{a}: figures 2: as_of '2024-13-01' is not an ISO date (YYYY-MM-DD) or null",
        f"{a}: figures 2: low and high must be numbers, not 'ten' and 10",
        f"{a}: actors 1: kind 'group' is not one of person, organization, state, media",
        f"{a}: actors 2: name missing",
        f"{a}: events 1: date_precision 'week' is not one of day, month, year, null",
        f"{a}: events 1: date 'soon' is not an ISO date (YYYY-MM-DD) or null",
        f"{a}: events 2: expected an object",
        f"{b}: article 'c' differs from the file name",
        f"{b}: article 'c' is not in the corpus",
        f"{b}: 'figures' must be a list",
        f"{d}: not valid JSON (Expecting property name enclosed in double quotes:"
        " line 1 column 2 (char 1))",
    ]


def test_project_gold_sets_are_clean() -> None:
    tests = Path(__file__).parent / "data"
    for gold in (config.GOLD_DIR, tests / "gold", tests / "holdout" / "gold"):
        assert check_gold(gold) == []


def test_command_prints_every_problem_and_exits_1(tmp_path: Path) -> None:
    gazetteer = tmp_path / "gazetteer.yaml"
    gazetteer.write_text("- name: A\n  kind: x\n- name: B\n  kind: y\n", encoding="utf-8")
    result = run("check", "--gazetteer", gazetteer)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{gazetteer}: entry 1 (A): kind 'x' is not one of person, organization, state, media",
        f"{gazetteer}: entry 2 (B): kind 'y' is not one of person, organization, state, media",
    ]
    assert result.stderr == "2 problem(s) found\n"


def test_ingested_corpus_is_checked(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Talks resume\n\nMediators met on Tuesday.\n", encoding="utf-8")
    (inbox / "b.txt").write_text("Talks stall\n\nNo deal was reached.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    ingest.ingest([inbox], corpus)
    result = run("check", "--corpus", corpus)
    assert result.exit_code == 0
    assert result.stdout.startswith(
        f"ok: catalog {corpus / 'catalog.csv'} (2 rows, 2 article files);"
    )
    first = next((corpus / "originals").glob("talks-resume-*"))
    first.unlink()
    outside = tmp_path / "outside.txt"
    outside.write_text("x", encoding="utf-8")
    (corpus / "originals" / "link.txt").symlink_to(outside)
    (corpus / "gold").mkdir()
    (corpus / "gold" / "nobody.json").write_text('{"article": "nobody"}', encoding="utf-8")
    result = run("check", "--corpus", corpus)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{corpus / 'originals'}: no original file for {first.stem}",
        f"{corpus / 'originals' / 'link.txt'}: symlink points outside the corpus {corpus}",
        f"{corpus / 'gold' / 'nobody.json'}: article 'nobody' is not in the corpus",
    ]


def test_a_stage_phrase_split_at_a_comma_is_reported(tmp_path: Path) -> None:
    stages = tmp_path / "stages.yaml"
    stages.write_text(
        "stages:\n"
        "  implementation:\n"
        "    verbs: [took effect, truce, which began]\n"
        "  demand:\n"
        "    verbs: [demands, insisted on]\n"
        "negotiation_objects: [truce, demands, deal]\n",
        encoding="utf-8",
    )
    problems = check_stages(stages)
    assert len(problems) == 2
    assert "'truce'" in problems[0] and "'which began'" in problems[1]
    assert check_stages(config.CUES_DIR / "stages.yaml") == []


def test_unreadable_stage_cues(tmp_path: Path) -> None:
    stages = tmp_path / "stages.yaml"
    stages.write_text("stages: [unclosed\n", encoding="utf-8")
    (problem,) = check_stages(stages)
    assert problem.startswith(f"{stages}: unreadable")
