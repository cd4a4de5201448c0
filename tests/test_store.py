"""Stores for large corpora: Parquet and DuckDB hold exactly the printed records; Dask agrees."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from briefing import config
from briefing.cli import main
from briefing.corpus import iter_records, sources
from briefing.records import to_dict
from briefing.store import RECORD_TYPES, StoreError, read, write


def printed() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {kind: [] for kind in RECORD_TYPES}
    for record in iter_records(sources([config.SEEDS_DIR])):
        out[record.type].append(to_dict(record))
    return out


def normalised(frame: pd.DataFrame) -> list[str]:
    """Rows as canonical JSON strings, whatever the store's types (dates, lists)."""
    rows = []
    for row in frame.to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if hasattr(value, "tolist"):
                value = value.tolist()
            if isinstance(value, list):
                value = [v.tolist() if hasattr(v, "tolist") else v for v in value]
            if not isinstance(value, list) and pd.isna(value):
                value = None
            if hasattr(value, "isoformat"):
                value = value.isoformat()[:10]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            clean[key] = value
        rows.append(json.dumps(clean, sort_keys=True, default=str))
    return sorted(rows)


@pytest.mark.parametrize("name", ["records.parquet", "records.duckdb"])
def test_store_holds_the_printed_records(tmp_path, name):
    counts = write(iter_records(sources([config.SEEDS_DIR])), tmp_path / name, size=7)
    expected = printed()
    assert counts == {kind: len(rows) for kind, rows in expected.items()}
    for kind, rows in expected.items():
        assert normalised(read(tmp_path / name, kind)) == normalised(pd.DataFrame(rows))


def test_store_columns_have_contract_types(tmp_path):
    write(iter_records(sources([config.SEEDS_DIR])), tmp_path / "r.parquet")
    figures = read(tmp_path / "r.parquet", "figure")
    assert str(figures["as_of"].dtype).startswith(("datetime64", "object"))
    assert figures["start"].dtype == "int64" and figures["low"].dtype == "float64"


def test_unknown_output_kind_is_refused(tmp_path):
    with pytest.raises(StoreError, match=r"must end in \.parquet"):
        write([], tmp_path / "records.csv")


def test_failed_write_keeps_the_previous_store(tmp_path):
    out = tmp_path / "r.parquet"
    write(iter_records(sources([config.SEEDS_DIR])), out)

    def broken():
        yield from iter_records(sources([config.SEEDS_DIR]))
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write(broken(), out)
    assert len(read(out, "article")) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.parquet"]


def test_dask_engine_on_a_local_cluster_matches_the_local_run(tmp_path):
    local, distributed = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    articles = [config.SEEDS_DIR, config.ROOT / "tests" / "data" / "articles"]
    runner = CliRunner()
    assert runner.invoke(main, ["extract", *map(str, articles), "--out", str(local)]).exit_code == 0
    result = runner.invoke(
        main,
        [
            "extract",
            *map(str, articles),
            "--engine",
            "dask",
            "--workers",
            "2",
            "--out",
            str(distributed),
        ],
    )
    assert result.exit_code == 0, result.output
    for kind in RECORD_TYPES:
        assert normalised(read(distributed, kind)) == normalised(read(local, kind))


def test_notebooks_can_load_a_store_instead_of_articles(tmp_path):
    from briefing import load_corpus

    write(iter_records(sources([config.SEEDS_DIR])), tmp_path / "r.duckdb")
    stored, extracted = load_corpus(tmp_path / "r.duckdb"), load_corpus()
    assert len(stored.figures) == len(extracted.figures)
    assert sorted(stored.figures["low"]) == sorted(extracted.figures["low"])
    assert len(stored.timeline()) == len(extracted.timeline())


def test_an_articles_folder_named_like_a_store_is_never_replaced(tmp_path):
    folder = tmp_path / "archive.parquet"
    shutil.copytree(config.SEEDS_DIR, folder)
    before = sorted(p.name for p in folder.iterdir())
    result = CliRunner().invoke(main, ["extract", str(folder), "--out", str(folder)])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "not a briefing store" in result.output
    assert sorted(p.name for p in folder.iterdir()) == before


def test_another_programs_file_is_never_replaced(tmp_path):
    other = tmp_path / "notes.duckdb"
    other.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not a DuckDB database"):
        write(iter_records(sources([config.SEEDS_DIR])), other)
    assert other.read_text(encoding="utf-8") == "not a database"


@pytest.mark.parametrize("name", ["r.parquet", "r.duckdb"])
def test_a_previous_store_is_replaced(tmp_path, name):
    out = tmp_path / name
    seeds = sorted(config.SEEDS_DIR.glob("*.txt"))
    write(iter_records(sources(seeds[:2])), out)
    write(iter_records(sources(seeds)), out)
    assert len(read(out, "article")) == len(seeds)


def test_an_unwritable_place_is_one_line_and_leaves_no_folders(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(config.SEEDS_DIR), "--out", str(blocker / "sub" / "r.parquet")]
    )
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_unreachable_scheduler_and_no_workers_are_usage_errors(tmp_path):
    runner = CliRunner()
    base = ["extract", str(config.SEEDS_DIR), "--out", str(tmp_path / "r.parquet")]
    base += ["--engine", "dask"]
    result = runner.invoke(main, [*base, "--scheduler", "not an address"])
    assert result.exit_code == 1 and "cannot reach a Dask scheduler" in result.output
    result = runner.invoke(main, [*base, "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output
    assert list(tmp_path.iterdir()) == []


def test_dask_engine_names_a_bad_article_in_one_line(tmp_path):
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    shutil.copytree(config.SEEDS_DIR, corpus)
    (corpus / "zz_scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    out = tmp_path / "r.parquet"
    command = [sys.executable, "-m", "briefing", "extract", str(corpus), "--engine", "dask"]
    done = subprocess.run(
        [*command, "--workers", "1", "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"error: {corpus / 'zz_scan.txt'}: binary file (PDF), not text" in done.stderr
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_someone_elses_duckdb_database_is_never_replaced(tmp_path):
    import duckdb

    theirs = tmp_path / "analysis.duckdb"
    with duckdb.connect(str(theirs)) as connection:
        connection.execute("CREATE TABLE notes AS SELECT 42 AS answer")
    with pytest.raises(StoreError, match="not a briefing store"):
        write(iter_records(sources([config.SEEDS_DIR])), theirs)
    with duckdb.connect(str(theirs), read_only=True) as connection:
        assert connection.execute("SELECT answer FROM notes").fetchall() == [(42,)]
