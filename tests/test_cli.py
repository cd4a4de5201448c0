"""The command line: every command documented, bad input refused in one line, no partial output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import config
from briefing.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_extract_prints_json_lines_for_a_folder():
    result = run("extract", config.SEEDS_DIR)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert {r["type"] for r in records} == {"article", "figure", "actor", "event"}
    assert sum(r["type"] == "article" for r in records) == 5


def test_show_text_is_what_offsets_refer_to():
    extracted = [json.loads(line) for line in run("extract", config.SEEDS_DIR).output.splitlines()]
    texts = {}
    for record in extracted:
        if record["type"] in ("figure", "event"):
            article = record["article"]
            if article not in texts:
                texts[article] = run("show", article, "--text").output[:-1]
            assert texts[article][record["start"] : record["end"]] == record["text"]


def test_catalog_wins_and_gives_the_outlet():
    records = [json.loads(line) for line in run("extract", config.SEEDS_DIR).output.splitlines()]
    outlets = {r["id"]: r["outlet"] for r in records if r["type"] == "article"}
    assert outlets["000_f89b1e9826f65eef"] == "CNN Brasil"
    assert outlets["003_8007d8b7ad854ea8"] == "Le Parisien"


def test_figures_csv():
    result = run("figures", config.SEEDS_DIR, "--csv")
    assert result.exit_code == 0
    header = result.output.splitlines()[0].split(",")
    assert {"measure", "low", "high", "qualifier", "attribution", "as_of", "sentence"} <= set(
        header
    )


def test_unknown_actors_listing(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Talks\n\nEnergy Minister Eli Cohenov said the offer was poor. Eli Cohenov left.\n",
        encoding="utf-8",
    )
    result = run("actors", "--unknown", tmp_path)
    assert result.exit_code == 0
    assert "Eli Cohenov" in result.output and "2" in result.output


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"%PDF-1.7\n\x00\x01binary", "binary file"),
        (b"\xff\xfe\x00\xd8\x81", "cannot decode"),
    ],
)
def test_bad_file_is_one_line_error_and_no_output(tmp_path, content, reason):
    (tmp_path / "good.txt").write_text(
        "Fine headline\n\nTwelve people were killed.\n", encoding="utf-8"
    )
    bad = tmp_path / "zbad.txt"
    bad.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "extract", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_missing_path_is_a_clear_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "figures", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nope'}: no such file or folder"


def test_catalog_with_missing_columns_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("H\n\nBody.\n", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("id,title\na,H\n", encoding="utf-8")
    result = run("extract", tmp_path)
    assert result.exit_code == 1
    assert "missing column(s): outlet, published, original_language, url" in result.output


def test_evaluate_on_the_seeds_reports_scores():
    result = run("evaluate", config.SEEDS_DIR, "--quiet")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == ["figures", "actors", "events"]


def test_export_refuses_a_bad_date_without_a_traceback():
    result = run("export", "--from", "2024-13-01")
    assert result.exit_code == 2
    assert "'2024-13-01' is not a date (YYYY-MM-DD)" in result.output


def test_show_refuses_a_folder():
    result = run("show", config.SEEDS_DIR)
    assert result.exit_code == 1
    assert "is a folder" in result.output


def test_the_same_folder_twice_is_read_once():
    records = [
        json.loads(line)
        for line in run("extract", config.SEEDS_DIR, config.SEEDS_DIR).output.splitlines()
    ]
    assert sum(r["type"] == "article" for r in records) == 5


def _one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.output.startswith("error: ") and result.output.count("\n") == 1, result.output
    return result.output


@pytest.mark.parametrize("command", ["extract", "figures", "actors", "timeline", "evaluate"])
def test_a_file_name_too_long_for_the_system_is_one_line(command):
    output = _one_line_error(run(command, "a" * 300))
    assert "File name too long" in output and len(output) < 250


@pytest.mark.parametrize("pattern", ["*", "**", "[", "000*"])
def test_show_takes_an_id_literally_not_as_a_pattern(pattern):
    assert "no single article with that id" in _one_line_error(run("show", pattern))


@pytest.mark.parametrize("option", ["--catalog", "--gold"])
def test_a_folder_or_link_loop_where_a_file_is_expected(tmp_path, option):
    folder = tmp_path / "folder"
    folder.mkdir()
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    command = "evaluate" if option == "--gold" else "extract"
    for bad in (folder, loop):
        result = run(command, config.SEEDS_DIR, option, bad)
        if option == "--gold" and bad == folder:
            assert result.exit_code == 1  # an empty gold folder: nothing to score
        else:
            assert str(bad) in _one_line_error(result)


def test_check_corpus_that_is_a_file():
    output = _one_line_error(run("check", "--corpus", config.CATALOG_PATH))
    assert "--corpus takes the folder" in output


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_standard_output_is_one_line():
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "briefing", "extract", str(config.SEEDS_DIR)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 1
    assert done.stderr == "error: standard output: No space left on device\n"


def test_figures_show_whole_ids_and_whole_counts(tmp_path):
    for name in ("same-title-aaaaaaaa", "same-title-bbbbbbbb"):
        (tmp_path / f"{name}.txt").write_text(
            "Same Title\n\nMore than a million people fled, the UN said.\n", encoding="utf-8"
        )
    table = run("figures", tmp_path).output
    assert "same-title-aaaaaaaa" in table and "same-title-bbbbbbbb" in table
    rows = run("figures", tmp_path, "--csv").output.splitlines()
    assert ",1000000,1000000," in rows[1]


def test_show_refuses_an_empty_name():
    assert "not an empty name" in _one_line_error(run("show", ""))
