"""The ``briefing`` command: a thin layer over the Python API.

Every command reports bad input as one line naming the file and the problem, with exit code
1, and writes nothing when its input is bad.
"""

from __future__ import annotations

import errno
import json
import sys
import warnings
from collections import Counter
from pathlib import Path

import click

from briefing import config

_ERRORS: tuple[type[Exception], ...] = ()


def _errors() -> tuple[type[Exception], ...]:
    from briefing.articles import ArticleError
    from briefing.catalog import CatalogError
    from briefing.corpus import CorpusError
    from briefing.evaluate import GoldError
    from briefing.export import ExportError
    from briefing.gazetteer import GazetteerError
    from briefing.ingest import IngestError
    from briefing.store import StoreError
    from briefing.vocab import VocabularyError

    return (
        ArticleError,
        CatalogError,
        CorpusError,
        ExportError,
        GoldError,
        GazetteerError,
        IngestError,
        StoreError,
        VocabularyError,
    )


def _warn(message, category, filename, lineno, file=None, line=None) -> None:
    click.echo(f"warning: {message}", err=True)


class _Group(click.Group):
    """Turns the package's input errors into one-line messages and exit code 1."""

    def invoke(self, ctx: click.Context):
        warnings.showwarning = _warn
        try:
            return super().invoke(ctx)
        except _errors() as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)
        except OSError as exc:  # the system refused a path: too long, no permission, disk full
            click.echo(f"error: {os_message(exc)}", err=True)
            ctx.exit(1)


_WRITE_ERRORS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO}


def os_message(exc: OSError) -> str:
    """One line for a refused system call: the path, then the system's reason."""
    text = str(exc).strip()
    reason = exc.strerror or (text.splitlines()[0] if text else type(exc).__name__)
    path = exc.filename
    if path is None:
        return f"writing the output: {reason}" if exc.errno in _WRITE_ERRORS else reason
    shown = str(path)
    if len(shown) > 120:
        shown = shown[:60] + "..." + shown[-40:]
    return f"{shown}: {reason}"


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing")
def main() -> None:
    """Turn news articles on ceasefire and hostage talks into traceable records.

    Example: briefing extract seeds/ > records.jsonl
    """


_paths = click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
_catalog = click.option(
    "--catalog",
    type=click.Path(path_type=Path),
    help="Catalog CSV (default: catalog.csv beside the articles, else data/catalog.csv).",
)


def _sources(paths, catalog, precheck: bool = True):
    """The articles of PATHS, every file read once first when ``precheck`` is set.

    The precheck makes a bad file fail before anything is printed; a store is written
    atomically and needs none.
    """
    from briefing.corpus import check_readable, sources

    items = sources(paths, catalog)
    if precheck:
        check_readable(items)
    return items


@main.command()
@_paths
@_catalog
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Store records in NAME.parquet (a folder) or NAME.duckdb instead of printing.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Extract in this process, or on a Dask cluster.",
)
@click.option(
    "--scheduler", default=None, help="Dask scheduler address (default: a local cluster)."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Worker processes of the local Dask cluster.",
)
def extract(
    paths: tuple[Path, ...],
    catalog: Path | None,
    out: Path | None,
    engine: str,
    scheduler: str | None,
    workers: int,
) -> None:
    """Print every record of PATHS as JSON Lines (the extraction contract), or store them.

    PATHS are article files or folders of them. With --out, records go to a Parquet store
    (a folder ending in .parquet, one sub-folder per record type) or a DuckDB file (.duckdb),
    written in batches so memory stays flat. --engine dask extracts on a Dask cluster
    (--scheduler ADDRESS, or a local cluster of --workers processes) into the same Parquet
    layout.

    Example: briefing extract seeds/ | python3 ../shared/tools/check_contract.py
    """
    from briefing.corpus import iter_records
    from briefing.records import to_json

    items = _sources(paths, catalog, precheck=out is None)
    if engine == "dask":
        from briefing.distributed import extract as on_dask

        if out is None:
            raise click.UsageError("--engine dask writes a store: give --out NAME.parquet")
        _report_counts(on_dask(items, out, scheduler, workers), out)
        return
    if out is not None:
        from briefing.store import write

        _report_counts(write(iter_records(items), out), out)
        return
    stream = sys.stdout
    try:
        for record in iter_records(items):
            stream.write(to_json(record) + "\n")
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.filename is None:
            exc.filename = "standard output"
        raise


def _report_counts(counts: dict[str, int], out: Path) -> None:
    summary = ", ".join(f"{count} {kind}s" for kind, count in counts.items())
    click.echo(f"wrote {summary} to {out}", err=True)


@main.command()
@click.argument("article")
@click.option(
    "--text", "text_only", is_flag=True, help="Print only the cleaned text that offsets refer to."
)
@_catalog
def show(article: str, text_only: bool, catalog: Path | None) -> None:
    """Show one article: its metadata and cleaned text.

    ARTICLE is a file path, or an article id found in seeds/.

    Example: briefing show 000_f89b1e9826f65eef --text
    """
    from briefing.corpus import CorpusError, load_article, sources

    if not article.strip():
        raise CorpusError("show: give an article file or id, not an empty name")
    path = Path(article)
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder; show takes one article file or id")
    if not path.exists():
        matches = sorted(  # the id is taken literally, never as a pattern
            p for p in config.SEEDS_DIR.glob("*.txt") if p.name.startswith(article)
        )
        if len(matches) != 1:
            raise CorpusError(
                f"{article}: no such file, and no single article with that id in {config.SEEDS_DIR}"
            )
        path = matches[0]
    loaded = load_article(sources([path], catalog)[0])
    if text_only:
        click.echo(loaded.text)
        return
    for label, value in (
        ("id", loaded.id),
        ("title", loaded.title),
        ("outlet", loaded.outlet),
        ("published", loaded.published),
        ("language", loaded.language),
        ("original language", loaded.original_language),
        ("url", loaded.url),
    ):
        click.echo(f"{label:>18}: {value if value is not None else '-'}")
    click.echo()
    click.echo(loaded.text)


def _table(df, csv: bool) -> None:
    if csv:
        click.echo(df.to_csv(index=False, float_format="%.15g"), nl=False)  # 1000000, not 1000000.0
    elif df.empty:
        click.echo("(none)")
    else:
        import pandas as pd

        with pd.option_context(
            "display.max_rows",
            None,
            "display.max_columns",
            None,
            "display.width",
            200,
            "display.max_colwidth",
            60,
        ):
            click.echo(df.to_string(index=False))


def _corpus_frames(paths, catalog):
    from briefing.corpus import Corpus, iter_articles
    from briefing.extract import extract_article
    from briefing.records import to_dict

    items = _sources(paths, catalog)
    records, texts = [], {}
    for article in iter_articles(items):
        texts[article.id] = article.text
        records.extend(to_dict(r) for r in extract_article(article))
    return Corpus(records, texts)


@main.command()
@_paths
@_catalog
@click.option("--csv", is_flag=True, help="Write CSV instead of a table.")
def figures(paths: tuple[Path, ...], catalog: Path | None, csv: bool) -> None:
    """Print the ledger of reported figures as a table (or CSV).

    Example: briefing figures seeds/ --csv > figures.csv
    """
    corpus = _corpus_frames(paths, catalog)
    df = corpus.figures
    if not csv:
        df = (
            df[
                [
                    "article",
                    "measure",
                    "low",
                    "high",
                    "qualifier",
                    "group",
                    "status",
                    "scope",
                    "attribution",
                    "as_of",
                    "text",
                ]
            ]
            .assign(
                article=df["article"],
                low=df["low"].map(_count),
                high=df["high"].map(_count),
                as_of=df["as_of"].dt.strftime("%Y-%m-%d").fillna("-"),
            )
            .fillna("-")
        )
    _table(df, csv)


def _count(value: float) -> str:
    """A count as people read it: 29,514 rather than 29514.0."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


@main.command()
@_paths
@_catalog
@click.option(
    "--unknown", is_flag=True, help="List only names the gazetteer does not know, with counts."
)
@click.option("--csv", is_flag=True, help="Write CSV instead of a table.")
def actors(paths: tuple[Path, ...], catalog: Path | None, unknown: bool, csv: bool) -> None:
    """Print who is named in each article, in what role, how often.

    Example: briefing actors --unknown seeds/
    """
    corpus = _corpus_frames(paths, catalog)
    df = corpus.actors
    if unknown:
        import pandas as pd

        df = df[~df["known"].astype(bool)]
        counts = Counter()
        articles = Counter()
        for row in df.itertuples():
            counts[(row.name, row.kind, row.affiliation)] += int(row.mentions)
            articles[(row.name, row.kind, row.affiliation)] += 1
        df = pd.DataFrame(
            [
                {
                    "name": n,
                    "kind": k,
                    "affiliation": a,
                    "mentions": c,
                    "articles": articles[(n, k, a)],
                }
                for (n, k, a), c in counts.most_common()
            ],
            columns=["name", "kind", "affiliation", "mentions", "articles"],
        )
    else:
        df = df[["article", "name", "kind", "affiliation", "role", "mentions", "known"]]
    _table(df, csv)


@main.command()
@_paths
@_catalog
@click.option("--csv", is_flag=True, help="Write CSV instead of a table.")
@click.option("--all", "every", is_flag=True, help="One row per event per article, not merged.")
def timeline(paths: tuple[Path, ...], catalog: Path | None, csv: bool, every: bool) -> None:
    """Print the negotiation's timeline, the same event from several outlets merged.

    Example: briefing timeline seeds/
    """
    corpus = _corpus_frames(paths, catalog)
    if every:
        df = corpus.events[
            ["article", "date", "date_precision", "stage", "modality", "place", "actors", "text"]
        ]
        df = df.sort_values("date", na_position="last")
    else:
        df = corpus.timeline()
        if not csv:
            df = df.assign(actors=df["actors"].map(", ".join), articles=df["articles"].map(len))
    _table(df, csv)


@main.command()
@_paths
@_catalog
@click.option(
    "--gold",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of <id>.json gold files (default: data/gold).",
)
@click.option(
    "--quiet", is_flag=True, help="Print only the scores, not each miss and false positive."
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(
    paths: tuple[Path, ...], catalog: Path | None, gold: Path | None, quiet: bool, as_json: bool
) -> None:
    """Score extraction against gold annotations: precision, recall, F1, misses.

    Example: briefing evaluate seeds/
    """
    from briefing.corpus import iter_records
    from briefing.evaluate import evaluate as run
    from briefing.evaluate import format_report, read_gold
    from briefing.records import to_dict

    items = _sources(paths, catalog)
    gold_data = read_gold(gold or config.GOLD_DIR)
    scores = run((to_dict(r) for r in iter_records(items)), gold_data)
    if as_json:
        click.echo(
            json.dumps(
                {
                    kind: {
                        "precision": s.precision,
                        "recall": s.recall,
                        "f1": s.f1,
                        "accuracy": {a: s.accuracy(a) for a in s.attributes},
                    }
                    for kind, s in scores.items()
                },
                indent=2,
            )
        )
        return
    click.echo(format_report(scores, details=not quiet))


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a date that is not YYYY-MM-DD, as a usage error rather than a traceback."""
    from datetime import date

    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None
    return value


@main.command()
@click.option(
    "--notebooks",
    type=click.Path(path_type=Path),
    default=config.NOTEBOOKS_DIR,
    show_default=True,
    help="Folder of the curated notebooks.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=config.BUILD_DIR / "briefings",
    show_default=True,
    help="Folder for the HTML briefings: new, empty, or an earlier export (replaced whole).",
)
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of articles (default: seeds/).",
)
@_catalog
@click.option(
    "--from",
    "date_from",
    default=None,
    callback=_iso_date,
    help="Keep articles published on or after (YYYY-MM-DD).",
)
@click.option(
    "--to",
    "date_to",
    default=None,
    callback=_iso_date,
    help="Keep articles published on or before (YYYY-MM-DD).",
)
def export(
    notebooks: Path,
    out: Path,
    corpus: Path | None,
    catalog: Path | None,
    date_from: str | None,
    date_to: str | None,
) -> None:
    """Execute every curated notebook and write offline HTML briefings.

    Writes one page per notebook and index.html; nothing in --out changes if one fails.

    Example: briefing export --corpus my_articles/ --out build/briefings
    """
    from briefing.export import export as run

    pages = run(notebooks, out, corpus, catalog, date_from, date_to)
    for page in pages:
        click.echo(f"{page.html}  {page.size / 1e6:.2f} MB  {page.seconds:.1f} s  {page.title}")
    click.echo(f"{out / 'index.html'}")


@main.command("refresh-notebooks")
@click.argument("notebooks", nargs=-1, type=click.Path(exists=True, path_type=Path))
def refresh_notebooks(notebooks: tuple[Path, ...]) -> None:
    """Re-run notebooks and store only the outputs nbval checks.

    Run it after a deliberate change to the headline numbers; review the diff, then commit.

    Example: briefing refresh-notebooks notebooks/*.ipynb
    """
    from briefing.export import keep_checked_outputs, notebook_paths

    for path in notebooks or notebook_paths(config.NOTEBOOKS_DIR):
        keep_checked_outputs(path)
        click.echo(f"refreshed {path}")


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from briefing.ingest import parse_size

    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=config.CORPUS_DIR,
    show_default=True,
    help="Corpus folder to add to (made if new).",
)
@click.option(
    "--catalog",
    type=click.Path(path_type=Path),
    help="Catalog CSV describing the files being added, by file name (default: catalog.csv"
    " beside them, else data/catalog.csv); its ids and metadata win.",
)
@click.option(
    "--replace", is_flag=True, help="Replace changed articles; previous versions are kept."
)
@click.option(
    "--max-size",
    "max_bytes",
    default=f"{config.MAX_ARTICLE_BYTES // 1_000_000}MB",
    show_default=True,
    callback=_size,
    help="Refuse files larger than this (5MB, 500kB, 1000).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print only refusals and the summary.")
def ingest(
    paths: tuple[Path, ...],
    corpus: Path,
    catalog: Path | None,
    replace: bool,
    max_bytes: int,
    quiet: bool,
) -> None:
    """Add article files (.txt, .md with front matter, saved .html pages) to a corpus.

    PATHS are files or folders of them. Each article gets an id, a catalog row and its
    cleaned text; the file itself is kept in originals/. The same text twice is a
    duplicate; a changed article is refused unless --replace. Nothing is written unless
    something is added, and then all at once. Exit code 1 if files were refused and
    nothing was added.

    Example: briefing ingest ~/Downloads/gaza-articles/ --corpus corpus/ && briefing figures corpus/
    """
    from tqdm import tqdm

    from briefing.ingest import ADDED, DUPLICATE, REFUSED, REPLACED
    from briefing.ingest import ingest as run

    def progress(files):
        return tqdm(files, desc="ingest", unit="file", disable=len(files) < 20 or None, leave=False)

    summary = run(paths, corpus, catalog, replace, max_bytes, progress)
    for outcome in summary.outcomes:
        for warning in outcome.warnings:
            click.echo(f"warning: {warning}", err=True)
        if outcome.status == REFUSED:
            click.echo(outcome.line(), err=True)
        elif not quiet and outcome.status in (ADDED, REPLACED, DUPLICATE):
            click.echo(outcome.line())
    click.echo(summary.counts())
    sys.exit(summary.exit_code)


@main.command()
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=None,
    help="Corpus folder whose catalog to check (default: seeds/ with data/catalog.csv).",
)
@click.option(
    "--gazetteer",
    type=click.Path(path_type=Path),
    default=None,
    help="Gazetteer file (default: data/gazetteer.yaml).",
)
@click.option(
    "--places",
    type=click.Path(path_type=Path),
    default=None,
    help="Places file (default: data/places.yaml).",
)
@click.option(
    "--gold",
    type=click.Path(path_type=Path),
    default=None,
    help="Gold folder (default: the corpus's gold/, else data/gold).",
)
def check(
    corpus: Path | None, gazetteer: Path | None, places: Path | None, gold: Path | None
) -> None:
    """Check the catalog, gazetteer, places, stage cues and gold files; print every problem.

    Exit code 1 if there is any problem.

    Example: briefing check --corpus corpus/
    """
    from briefing.check import check as run
    from briefing.corpus import CorpusError

    if corpus is not None and corpus.exists() and not corpus.is_dir():
        raise CorpusError(f"{corpus}: is a file; --corpus takes the folder of a corpus")
    report = run(corpus, gazetteer, places, gold)
    for problem in report.problems:
        click.echo(problem)
    if report.problems:
        click.echo(f"{len(report.problems)} problem(s) found", err=True)
        sys.exit(1)
    click.echo("ok: " + "; ".join(report.checked))
