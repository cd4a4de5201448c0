"""A set of articles and their records, as a stream and as tidy pandas DataFrames.

``iter_articles`` and ``iter_records`` stream (one article in memory at a time), which the
CLI uses; :class:`Corpus` collects records into DataFrames with the contract's fields as
columns, which the notebooks use.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import config
from briefing.articles import Article, MetadataWarning
from briefing.catalog import Entry, apply_entry, read_catalog
from briefing.extract import extract_article
from briefing.formats import read_any
from briefing.gazetteer import Gazetteer, default_gazetteer
from briefing.records import Record, to_dict

if TYPE_CHECKING:
    import pandas as pd

CATALOG_NAME = "catalog.csv"
ARTICLES_DIR = "articles"
"""In an ingested corpus: the cleaned text of each article, ``<id>.txt``."""
ORIGINALS_DIR = "originals"
"""In an ingested corpus: each article's file as it was given, ``<id><suffix>``."""
PREVIOUS_DIR = ".previous"
"""In an ingested corpus: replaced versions, ``<id>-<time>.txt`` and ``.original<suffix>``."""


class CorpusError(ValueError):
    """A corpus path is unusable; the message names the path and the problem."""


@dataclass(frozen=True, slots=True)
class Source:
    """One article file and the catalog entry that describes it, if any."""

    path: Path
    entry: Entry | None


def is_ingested(path: str | Path) -> bool:
    """True if ``path`` is a corpus folder made by ``briefing ingest`` (catalog and articles/)."""
    path = Path(path)
    return (path / CATALOG_NAME).is_file() and (path / ARTICLES_DIR).is_dir()


def article_paths(path: str | Path) -> list[Path]:
    """Return the article files at ``path`` (a file, or a folder searched recursively).

    For an ingested corpus, only its ``articles/<id>.txt`` (not the originals or previous
    versions); a link there that leads out of the corpus is refused.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_file():
        return [path]
    if is_ingested(path):
        found = sorted(p for p in (path / ARTICLES_DIR).glob("*.txt") if not p.name.startswith("."))
        for item in found:
            if item.is_symlink() and not item.resolve().is_relative_to(path.resolve()):
                raise CorpusError(f"{item}: symlink points outside the corpus {path}")
    else:
        files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")]
        found = sorted(p for p in files if p.suffix.lower() in config.ARTICLE_SUFFIXES)
        other = sorted(
            p
            for p in files
            if p.suffix.lower() in config.INGEST_SUFFIXES
            and p.suffix.lower() not in config.ARTICLE_SUFFIXES
        )
        if other:
            # A folder can hold notes (README.md) beside its articles, so only plain text is
            # read from it; pages and Markdown are read when named, or once ingested.
            shown = ", ".join(p.name for p in other[:3]) + (" ..." if len(other) > 3 else "")
            message = (
                f"{path}: {len(other)} Markdown or HTML file(s) not read from a folder ({shown});"
                " name them, or add them with 'briefing ingest'"
            )
            if not found:
                raise CorpusError(message)
            warnings.warn(message, MetadataWarning, stacklevel=2)
    if not found:
        raise CorpusError(
            f"{path}: no article files ({', '.join(config.ARTICLE_SUFFIXES)}) in this folder"
        )
    return found


def find_catalog(path: str | Path, catalog: str | Path | None = None) -> Path | None:
    """The catalog for ``path``.

    The one given, else a ``catalog.csv`` beside the articles (for a file in an ingested
    corpus's ``articles/``, the corpus's), else ``data/catalog.csv``.
    """
    if catalog is not None:
        return Path(catalog)
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    if (folder / CATALOG_NAME).is_file():
        return folder / CATALOG_NAME
    if folder.name == ARTICLES_DIR and is_ingested(folder.parent):
        return folder.parent / CATALOG_NAME
    return config.CATALOG_PATH if config.CATALOG_PATH.is_file() else None


def sources(paths: Iterable[str | Path], catalog: str | Path | None = None) -> list[Source]:
    """Resolve command-line paths into article files with their catalog entries."""
    out: list[Source] = []
    catalogs: dict[Path, dict[str, Entry]] = {}
    nearest: dict[Path, Path | None] = {}
    seen: dict[str, Path] = {}
    resolved: set[Path] = set()
    for path in paths:
        for article in article_paths(path):
            # The nearest catalog: the one given, else the article's own folder's, else the
            # project's, so a folder of folders keeps each subfolder's metadata.
            folder = article.parent
            if folder not in nearest:
                nearest[folder] = find_catalog(article if catalog is None else path, catalog)
            found = nearest[folder]
            if found is not None and found not in catalogs:
                catalogs[found] = read_catalog(found)
            entries = catalogs.get(found, {}) if found is not None else {}
            real = article.resolve()
            if real in resolved:
                continue  # the same file named twice on the command line
            resolved.add(real)
            if article.stem in seen:
                raise CorpusError(
                    f"{article}: article id {article.stem!r} is also {seen[article.stem]}"
                )
            seen[article.stem] = article
            out.append(Source(article, entries.get(article.stem)))
    return out


def load_article(source: Source) -> Article:
    """Read one article file and apply its catalog entry."""
    article = read_any(source.path)
    return apply_entry(article, source.entry)


def check_readable(items: list[Source]) -> None:
    """Read every article once so that a bad file fails before anything is written."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for source in items:
            read_any(source.path)


def iter_articles(items: Iterable[Source]) -> Iterator[Article]:
    """Stream articles, one at a time."""
    for source in items:
        yield load_article(source)


def iter_records(items: Iterable[Source], gazetteer: Gazetteer | None = None) -> Iterator[Record]:
    """Stream every record of every article, article by article."""
    gazetteer = gazetteer or default_gazetteer()
    for article in iter_articles(items):
        yield from extract_article(article, gazetteer)


_DATE_COLUMNS = {"article": ["published"], "figure": ["as_of"], "event": ["date"]}
_INT_COLUMNS = {
    "article": ["chars", "sentences"],
    "figure": ["start", "end", "sentence_start"],
    "actor": ["mentions"],
    "event": ["start", "end"],
}
_FLOAT_COLUMNS = {"figure": ["low", "high"]}


def frame(records: Iterable[dict[str, Any]], kind: str) -> pd.DataFrame:
    """A tidy DataFrame of contract dicts of one ``kind``, with explicit dtypes."""
    import pandas as pd

    from briefing.records import ActorRecord, ArticleRecord, EventRecord, FigureRecord

    record_type = {
        "article": ArticleRecord,
        "figure": FigureRecord,
        "actor": ActorRecord,
        "event": EventRecord,
    }[kind]
    columns = [f.name for f in fields(record_type)]
    rows = [r for r in records if r["type"] == kind]
    df = pd.DataFrame(rows, columns=columns)
    for column in _DATE_COLUMNS.get(kind, []):
        df[column] = pd.to_datetime(df[column], format="ISO8601", errors="coerce")
    for column in _INT_COLUMNS.get(kind, []):
        df[column] = df[column].astype("Int64")
    for column in _FLOAT_COLUMNS.get(kind, []):
        df[column] = df[column].astype("float64")
    for column in df.columns:
        if df[column].dtype == object and column not in ("spans", "actors"):
            df[column] = df[column].astype("string")
    return df


class Corpus:
    """Articles and their records as DataFrames.

    ``articles``, ``figures``, ``actors`` and ``events`` hold one row per record;
    ``texts`` maps article ids to the cleaned text that offsets refer to.
    """

    def __init__(self, records: list[dict[str, Any]], texts: dict[str, str]) -> None:
        self.records = records
        self.texts = texts
        self.articles = frame(records, "article")
        self.figures = frame(records, "figure")
        self.actors = frame(records, "actor")
        self.events = frame(records, "event")

    def __repr__(self) -> str:
        return (
            f"Corpus({len(self.articles)} articles, {len(self.figures)} figures,"
            f" {len(self.actors)} actors, {len(self.events)} events)"
        )

    def window(self, date_from: str | None = None, date_to: str | None = None) -> Corpus:
        """A new corpus of the articles published within ``[date_from, date_to]`` (ISO dates).

        Undated articles are kept only when no window is given.
        """
        import pandas as pd

        if date_from is None and date_to is None:
            return self
        published = self.articles.set_index("id")["published"]
        keep = published.notna()
        if date_from is not None:
            keep &= published >= pd.Timestamp(date_from)
        if date_to is not None:
            keep &= published <= pd.Timestamp(date_to)
        ids = set(published[keep].index)
        records = [r for r in self.records if r["article"] in ids]
        return Corpus(records, {k: v for k, v in self.texts.items() if k in ids})

    def summary(self) -> str:
        """One line: how many articles, from how many outlets, over which dates."""
        articles = self.articles
        outlets = articles["outlet"].dropna().nunique()
        dates = articles["published"].dropna()
        span = ""
        if len(dates):
            first, last = dates.min(), dates.max()
            span = f", published {first.day} {first:%B %Y}" + (
                f" to {last.day} {last:%B %Y}" if last != first else ""
            )
        return (
            f"{len(articles)} article{'s' if len(articles) != 1 else ''} from {outlets} "
            f"named outlet{'s' if outlets != 1 else ''}{span}"
        )

    def timeline(self, tolerance_days: int = 1) -> pd.DataFrame:
        """The negotiation's course: one row per event, reports by several outlets merged."""
        from briefing.compare import merge_timeline

        return merge_timeline(self.events, self.articles, tolerance_days)


def _from_store(path: Path) -> Corpus:
    """A corpus from a Parquet or DuckDB store (records only; texts are not stored)."""
    from briefing.store import RECORD_TYPES, read

    if not path.exists():
        raise CorpusError(f"{path}: no such store")
    records: list[dict[str, Any]] = []
    for kind in RECORD_TYPES:
        frame = read(path, kind)
        for row in frame.to_dict(orient="records"):
            for key, value in row.items():
                if hasattr(value, "tolist"):
                    row[key] = value.tolist()
                elif hasattr(value, "isoformat"):
                    row[key] = value.isoformat()[:10]
            row["type"] = kind
            records.append(row)
    return Corpus(records, {})


def load_corpus(
    path: str | Path | None = None,
    catalog: str | Path | None = None,
    gazetteer: Gazetteer | None = None,
) -> Corpus:
    """Read and extract a corpus (default: the seeds with ``data/catalog.csv``).

    ``path`` may also be a store written by ``briefing extract --out`` (``.parquet`` or
    ``.duckdb``): its records are read as they are, without the articles' text.

    >>> corpus = load_corpus()
    >>> sorted(corpus.figures.columns)[:3]
    ['article', 'as_of', 'attribution']
    """
    path = Path(path) if path is not None else config.SEEDS_DIR
    if path.suffix.lower() in (".parquet", ".duckdb"):
        return _from_store(path)
    items = sources([path], catalog)
    records: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    gazetteer = gazetteer or default_gazetteer()
    for source in items:
        article = load_article(source)
        texts[article.id] = article.text
        records.extend(to_dict(r) for r in extract_article(article, gazetteer))
    return Corpus(records, texts)
