"""Extraction on a Dask cluster when one machine is not enough.

The corpus is cut into partitions of article files; each partition is extracted on a worker
by the same pure per-article function as the local run, and the driver writes each
partition's records as the Parquet part files of the same store layout as
:func:`briefing.store.write`. With no scheduler address a ``LocalCluster`` is started.
"""

from __future__ import annotations

from pathlib import Path

from briefing.articles import ArticleError
from briefing.atomic import parents_made
from briefing.corpus import Source
from briefing.store import (
    RECORD_TYPES,
    ParquetWriter,
    StoreError,
    check_target,
    empty_parts,
    move_into_place,
    remove,
    staging_path,
)

CONNECT_TIMEOUT = "20s"
"""How long to wait for a scheduler given by address before giving up."""
PARTITION = 200
"""Articles per task: large enough to amortise scheduling, small enough to spread work."""


def _extract_partition(items: list[Source]) -> dict[str, list[dict]]:
    """Worker side: every record of a partition of articles, grouped by type."""
    from briefing.corpus import load_article
    from briefing.extract import extract_article
    from briefing.records import to_dict

    grouped: dict[str, list[dict]] = {kind: [] for kind in RECORD_TYPES}
    for source in items:
        try:
            article = load_article(source)
        except ArticleError as exc:  # returned, not raised: a worker would log a traceback
            return {"error": str(exc)}
        for record in extract_article(article):
            grouped[record.type].append(to_dict(record))
    return grouped


def extract(
    items: list[Source],
    out: Path,
    scheduler: str | None = None,
    workers: int = 2,
    partition: int = PARTITION,
) -> dict[str, int]:
    """Extract ``items`` on a Dask cluster into the Parquet store ``out``.

    ``scheduler`` is the address of a running scheduler ("tcp://host:8786"); without it a
    local cluster of ``workers`` processes is started and stopped.
    """
    out = Path(out)
    if out.suffix.lower() != ".parquet":
        raise StoreError(
            f"{out}: the Dask engine writes a Parquet store (a name ending in .parquet)"
        )
    check_target(out)
    with parents_made(out):
        return _run(items, out, scheduler, workers, partition)


def _run(
    items: list[Source], out: Path, scheduler: str | None, workers: int, partition: int
) -> dict[str, int]:
    from dask.distributed import Client, LocalCluster, as_completed

    if workers < 1:
        raise StoreError(f"--workers {workers}: a local cluster needs at least one worker")
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            message = f"{scheduler}: cannot reach a Dask scheduler there ({reason})"
            raise StoreError(message) from None
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    staging = staging_path(out)
    counts = dict.fromkeys(RECORD_TYPES, 0)
    try:
        parts = [items[i : i + partition] for i in range(0, len(items), partition)]
        futures = client.map(_extract_partition, parts, pure=False)
        index = {future.key: number for number, future in enumerate(futures)}
        writer = ParquetWriter(staging)
        for future in as_completed(futures):
            grouped = future.result()
            if "error" in grouped:
                raise ArticleError(grouped["error"])
            for kind, rows in grouped.items():
                if rows:
                    writer.write(kind, rows, part=index[future.key])
                    counts[kind] += len(rows)
            future.release()
        empty_parts(writer, counts)
        move_into_place(staging, out)
    except BaseException:
        remove(staging)
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return counts
