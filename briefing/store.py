"""Storing records for large corpora: partitioned Parquet, or a DuckDB file.

Records arrive as a stream and are written in batches, so memory stays flat however many
articles there are. A Parquet store is a folder with one sub-folder per record type
(``type=figure/part-00000.parquet`` ...), each file with the contract's columns and types;
``duckdb`` or pandas read it without loading everything. A ``.duckdb`` file holds one table per
record type. Either is written to a temporary name and moved into place when complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any

from briefing.atomic import parents_made
from briefing.records import ActorRecord, ArticleRecord, EventRecord, FigureRecord, Record, to_dict

RECORD_TYPES = {
    "article": ArticleRecord,
    "figure": FigureRecord,
    "actor": ActorRecord,
    "event": EventRecord,
}
BATCH = 20_000
"""Records of one type held in memory before they are written out."""


class StoreError(ValueError):
    """The output cannot be written; the message names it and the reason."""


def schema(kind: str):
    """The Arrow schema of one record type: the contract's fields with explicit types."""
    import pyarrow as pa

    text, integer, number = pa.string(), pa.int64(), pa.float64()
    special = {
        "published": pa.date32(),
        "as_of": pa.date32(),
        "date": pa.date32(),
        "low": number,
        "high": number,
        "spans": pa.list_(pa.list_(integer)),
        "actors": pa.list_(text),
        "known": pa.bool_(),
        "chars": integer,
        "sentences": integer,
        "start": integer,
        "end": integer,
        "sentence_start": integer,
        "mentions": integer,
    }
    columns = [pa.field("type", text)] + [
        pa.field(f.name, special.get(f.name, text)) for f in fields(RECORD_TYPES[kind])
    ]
    return pa.schema(columns)


def _table(kind: str, rows: list[dict[str, Any]]):
    import datetime as dt

    import pyarrow as pa

    target = schema(kind)
    columns = {}
    for field in target:
        values = [row.get(field.name) for row in rows]
        if pa.types.is_date32(field.type):
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        columns[field.name] = pa.array(values, type=field.type)
    return pa.table(columns, schema=target)


def batches(records: Iterable[Record], size: int = BATCH) -> Iterator[tuple[str, list[dict]]]:
    """Group a record stream into ``(type, rows)`` batches of at most ``size`` rows each."""
    pending: dict[str, list[dict]] = {kind: [] for kind in RECORD_TYPES}
    for record in records:
        rows = pending[record.type]
        rows.append(to_dict(record))
        if len(rows) >= size:
            yield record.type, rows
            pending[record.type] = []
    for kind, rows in pending.items():
        if rows:
            yield kind, rows


class ParquetWriter:
    """Writes batches as numbered part files under ``type=<kind>/`` of a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parts = dict.fromkeys(RECORD_TYPES, 0)

    def write(self, kind: str, rows: list[dict], part: int | None = None) -> None:
        """Write one batch; ``part`` fixes the file number (parallel writers use their index)."""
        import pyarrow.parquet as pq

        directory = self.folder / f"type={kind}"
        directory.mkdir(parents=True, exist_ok=True)
        number = self.parts[kind] if part is None else part
        self.parts[kind] += 1
        pq.write_table(_table(kind, rows), directory / f"part-{number:05d}.parquet")


def write(records: Iterable[Record], out: Path, size: int = BATCH) -> dict[str, int]:
    """Stream ``records`` into ``out`` (a ``.parquet`` folder or a ``.duckdb`` file).

    Returns the number of records written per type. ``out`` is replaced only when complete.
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".parquet", ".duckdb"):
        raise StoreError(f"{out}: the output must end in .parquet (a folder) or .duckdb")
    check_target(out)
    with parents_made(out):
        return _write(records, out, suffix, size)


def _write(records: Iterable[Record], out: Path, suffix: str, size: int) -> dict[str, int]:
    counts = dict.fromkeys(RECORD_TYPES, 0)
    staging = staging_path(out)
    try:
        if suffix == ".parquet":
            writer = ParquetWriter(staging)
            for kind, rows in batches(records, size):
                writer.write(kind, rows)
                counts[kind] += len(rows)
            empty_parts(writer, counts)
        else:
            counts = _write_duckdb(records, staging, size)
        move_into_place(staging, out)
    except BaseException:
        remove(staging)
        raise
    return counts


def empty_parts(writer: ParquetWriter, counts: dict[str, int]) -> None:
    """Every record type gets a folder, so queries find an empty table rather than none."""
    for kind, count in counts.items():
        if count == 0:
            writer.write(kind, [])


def _write_duckdb(records: Iterable[Record], path: Path, size: int) -> dict[str, int]:
    import duckdb

    counts = dict.fromkeys(RECORD_TYPES, 0)
    with duckdb.connect(str(path)) as connection:
        for kind in RECORD_TYPES:
            empty = _table(kind, [])  # noqa: F841 (read by DuckDB by name)
            connection.execute(f"CREATE TABLE {kind} AS SELECT * FROM empty")
        for kind, rows in batches(records, size):
            batch = _table(kind, rows)  # noqa: F841 (read by DuckDB by name)
            connection.execute(f"INSERT INTO {kind} SELECT * FROM batch")
            counts[kind] += len(rows)
    return counts


DUCKDB_MAGIC = b"DUCK"
"""The bytes at offset 8 of every DuckDB database file."""


def check_target(out: Path) -> None:
    """Refuse an ``out`` that exists and is not a store this command wrote before.

    A previous store is replaced whole; anything else there (a folder of articles that happens
    to end in ``.parquet``, another program's file) is left alone and named in the error.
    """
    if out.is_symlink():
        raise StoreError(f"{out}: is a symbolic link; give the store's real path")
    if not out.exists():
        return
    suffix = out.suffix.lower()
    if suffix == ".parquet":
        if not out.is_dir():
            raise StoreError(f"{out}: exists and is a file, not a Parquet store; not replacing it")
        strangers = [p for p in out.iterdir() if not (p.is_dir() and p.name.startswith("type="))]
        if strangers:
            raise StoreError(
                f"{out}: exists and is not a briefing store (it holds {strangers[0].name}); "
                "not replacing it"
            )
        return
    if not out.is_file():
        raise StoreError(f"{out}: exists and is not a DuckDB file; not replacing it")
    with out.open("rb") as handle:
        header = handle.read(12)
    if not header:
        return  # an empty file: nothing to lose
    if header[8:12] != DUCKDB_MAGIC:
        raise StoreError(f"{out}: exists and is not a DuckDB database; not replacing it")
    tables = _duckdb_tables(out)
    if tables != set(RECORD_TYPES):
        shown = ", ".join(sorted(tables - set(RECORD_TYPES))[:3]) or "other tables"
        raise StoreError(
            f"{out}: a DuckDB database that is not a briefing store (it holds {shown}); "
            "not replacing it"
        )


def _duckdb_tables(path: Path) -> set[str]:
    """The tables and views of a DuckDB file (empty if it cannot be opened)."""
    import duckdb

    try:
        with duckdb.connect(str(path), read_only=True) as connection:
            rows = connection.execute("SELECT table_name FROM information_schema.tables").fetchall()
    except duckdb.Error:
        return set()
    return {name for (name,) in rows}


def staging_path(out: Path) -> Path:
    """A fresh unused name beside ``out`` to build the output under."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{out.name}-", dir=out.parent)
    except OSError as exc:
        raise StoreError(f"{out}: cannot write there ({exc.strerror or exc})") from None
    os.close(handle)
    os.unlink(name)
    return Path(name)


def move_into_place(staging: Path, out: Path) -> None:
    """Replace ``out`` with the finished ``staging``, keeping the old one until that worked."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-previous-{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        remove(old)


def remove(path: Path) -> None:
    """Delete a file or a folder, if it is there."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()


def read(out: Path, kind: str):
    """One record type of a store as a pandas DataFrame (for tests and notebooks)."""
    out = Path(out)
    if out.suffix.lower() == ".duckdb":
        import duckdb

        with duckdb.connect(str(out), read_only=True) as connection:
            return connection.execute(f"SELECT * FROM {kind}").df()
    import pyarrow.dataset as ds

    return ds.dataset(out / f"type={kind}", format="parquet").to_table().to_pandas()
