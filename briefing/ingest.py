"""Adding an analyst's article files to a corpus folder, atomically.

A corpus made by ingest holds::

    DIR/catalog.csv             one row per article (the catalog's columns, plus where it came
                                from and when it was added)
    DIR/articles/<id>.txt       the cleaned text (headline, blank line, body) offsets refer to
    DIR/originals/<id><suffix>  the file as it was given, byte for byte
    DIR/.previous/              versions replaced with ``--replace``: ``<id>-<UTC time>.txt``
                                and ``<id>-<UTC time>.original<suffix>``

Reading and deciding are pure (:func:`prepare`, :func:`decide`); one function,
:func:`ingest`, does the writing, through :mod:`briefing.atomic`: it builds the new state of
the corpus in a temporary folder beside it (unchanged files hard-linked, never written
through) and swaps it into place at the end. Any exception before the swap leaves the corpus
as it was, byte for byte.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from briefing import atomic, config
from briefing.articles import Article, ArticleError, MetadataWarning
from briefing.catalog import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, Entry, apply_entry, read_catalog
from briefing.corpus import (
    ARTICLES_DIR,
    CATALOG_NAME,
    ORIGINALS_DIR,
    PREVIOUS_DIR,
    find_catalog,
    is_ingested,
)
from briefing.formats import parse_bytes

PROVENANCE_COLUMNS = ("source_file", "ingested")
"""Columns ingest adds to the catalog: the file's name as given, and when it was added (UTC)."""
COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS, *PROVENANCE_COLUMNS)
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")
"""An article id names files, so it is kept to letters, digits, ``.``, ``_`` and ``-``."""

MAX_SIZE = 10**12
"""The largest ``--max-size`` accepted (bytes)."""
ADDED, REPLACED, DUPLICATE, REFUSED = "added", "replaced", "duplicate", "refused"


class IngestError(ValueError):
    """The corpus as a whole cannot be ingested into; the message names it and why."""


class Refusal(ValueError):
    """One input is refused; the message names the file and the reason."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: added, replaced, duplicate or refused, and why."""

    path: str
    status: str
    id: str | None = None
    reason: str | None = None
    warnings: tuple[str, ...] = ()

    def line(self) -> str:
        """One line for the analyst: ``refused: notes.pdf: binary file (PDF), not text``."""
        if self.status == REFUSED:
            return f"refused: {self.reason}"
        if self.status == DUPLICATE:
            return f"duplicate: {self.path}: {self.reason}"
        extra = f" ({self.reason})" if self.reason else ""
        return f"{self.status}: {self.id} <- {self.path}{extra}"


@dataclass(slots=True)
class Summary:
    """The outcome of one ingest, input by input."""

    corpus: Path
    outcomes: list[Outcome] = field(default_factory=list)
    articles: int = 0

    def of(self, status: str) -> list[Outcome]:
        """The outcomes with ``status``."""
        return [o for o in self.outcomes if o.status == status]

    @property
    def changed(self) -> bool:
        """True if the corpus was written (something added or replaced)."""
        return bool(self.of(ADDED) or self.of(REPLACED))

    @property
    def exit_code(self) -> int:
        """1 when inputs were refused and nothing could be added, else 0."""
        return 1 if self.of(REFUSED) and not self.changed else 0

    def counts(self) -> str:
        """The closing line: ``2 added, 0 replaced, 1 duplicate, 3 refused; corpus/ holds 7``."""
        return (
            f"{len(self.of(ADDED))} added, {len(self.of(REPLACED))} replaced,"
            f" {len(self.of(DUPLICATE))} duplicate, {len(self.of(REFUSED))} refused;"
            f" {self.corpus} holds {self.articles} article{'s' if self.articles != 1 else ''}"
        )


# --- pure parts ------------------------------------------------------------------------------


def normalised(text: str) -> str:
    """The text as compared for duplicates: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text."""
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()


def slug(title: str, limit: int = 48) -> str:
    """ASCII words of ``title`` joined by ``-``, at most ``limit`` characters; ``article`` if none.

    >>> slug("Hamas says: truce talks 'advanced' in Cairo!")
    'hamas-says-truce-talks-advanced-in-cairo'
    """
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    out = ""
    for word in re.findall(r"[a-z0-9]+", plain):
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out or "article"


def article_id(title: str | None, text: str) -> str:
    """A stable id: the title's slug and a short hash of the normalised text."""
    return f"{slug(title or text.split(chr(10), 1)[0])}-{content_hash(text)[:8]}"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One input, read and cleaned, with the catalog row it would get."""

    path: str
    suffix: str
    data: bytes
    article: Article
    digest: str
    stated_id: str | None
    row: dict[str, str]
    warnings: tuple[str, ...] = ()


def prepare(path: str, data: bytes, entry: Entry | None = None) -> Candidate:
    """Read one input's bytes (no file access); raise :class:`Refusal` naming it if unusable.

    ``entry`` is its row in the catalog given with the files, if any; its id then becomes the
    article's id, and its metadata wins over what the file states.
    """
    suffix = Path(path).suffix.lower()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", MetadataWarning)
        try:
            article = parse_bytes(data, suffix, path, Path(path).stem)
        except ArticleError as exc:
            raise Refusal(str(exc)) from exc
        apply_entry(article, entry)
    if entry is not None and not ID_PATTERN.fullmatch(entry.id):
        raise Refusal(f"{path}: catalog id {entry.id!r} cannot name a file (letters, digits, ._-)")
    row = {
        "title": article.title or "",
        "outlet": article.outlet or "",
        "published": article.published.isoformat() if article.published else "",
        "original_language": article.original_language or "",
        "url": article.url or "",
        "agency": article.agency or "",
        "source_file": Path(path).name,
    }
    return Candidate(
        path=path,
        suffix=suffix,
        data=data,
        article=article,
        digest=content_hash(article.text),
        stated_id=entry.id if entry is not None else None,
        row=row,
        warnings=tuple(
            dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, MetadataWarning))
        ),
    )


@dataclass(slots=True)
class State:
    """What the corpus holds, as ingest compares against it."""

    columns: list[str]
    rows: dict[str, dict[str, str]]
    digests: dict[str, str]
    urls: dict[str, str]
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    """(file name, title slug) → id: the same file with the same title is the same article."""
    batch: dict[str, str] = field(default_factory=dict)
    """id → the input added or replaced under it in this run."""


def decide(state: State, candidate: Candidate, replace: bool) -> Outcome:
    """Added, replaced, duplicate or refused: what ``candidate`` does to ``state`` (no I/O).

    The same normalised text anywhere in the corpus is a duplicate. Otherwise the id is the
    catalog's, else that of an article with the same URL, else that of an article from a
    file of the same name with the same title, else a new slug-and-hash id; an id the corpus
    holds with other text is a changed article, refused unless ``replace``.
    """
    if candidate.digest in state.digests:
        return Outcome(
            candidate.path, DUPLICATE, state.digests[candidate.digest],
            f"same text as {state.digests[candidate.digest]}", candidate.warnings,
        )  # fmt: skip
    url = candidate.row["url"]
    source = _source_key(candidate.row)
    if candidate.stated_id:
        chosen, same = candidate.stated_id, "id"
    elif url in state.urls:
        chosen, same = state.urls[url], f"URL {url}"
    elif source in state.sources:
        chosen, same = state.sources[source], "file name and title"
    else:
        chosen, same = article_id(candidate.article.title, candidate.article.text), "id"
    if chosen in state.batch:
        return Outcome(
            candidate.path, REFUSED, chosen,
            f"{candidate.path}: same {same} as {state.batch[chosen]}, added as {chosen} in this"
            " run, with different text; give one of them another id in its catalog",
            candidate.warnings,
        )  # fmt: skip
    if chosen not in state.rows:
        return Outcome(candidate.path, ADDED, chosen, None, candidate.warnings)
    if not replace:
        return Outcome(
            candidate.path, REFUSED, chosen,
            f"{candidate.path}: changed article: the corpus holds {chosen} (same {same})"
            " with different text; add --replace to replace it (the previous version is kept)",
            candidate.warnings,
        )  # fmt: skip
    return Outcome(candidate.path, REPLACED, chosen, None, candidate.warnings)


# --- finding the inputs --------------------------------------------------------------------------


def discover(paths: Iterable[str | Path], corpus: Path) -> Iterator[Path | Outcome]:
    """Every file to read under ``paths``, or a refused :class:`Outcome` for a bad path.

    Folders are walked in name order, skipping hidden names and the catalog beside the
    files; a link inside a folder that leads out of it is refused.
    """
    inside = corpus.resolve()
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield _refused(path, _missing_reason(path))
        elif path.resolve().is_relative_to(inside):
            yield _refused(path, f"is inside the corpus {corpus}; ingest files from elsewhere")
        elif path.is_dir():
            found = list(_walk(path, inside))
            yield from found or [_refused(path, _no_articles())]
        else:
            yield path


def _walk(root: Path, corpus: Path) -> Iterator[Path | Outcome]:
    top = root.resolve()
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and Path(folder, d).exists()
            and Path(folder, d).resolve() != corpus
        )
        for name in sorted(files) + [d for d in dirs if Path(folder, d).is_symlink()]:
            path = Path(folder, name)
            if name.startswith(".") or (name == CATALOG_NAME and Path(folder) == root):
                continue
            if path.is_symlink() and not path.exists():
                yield _refused(path, _missing_reason(path))
            elif path.is_symlink() and not path.resolve().is_relative_to(top):
                yield _refused(
                    path, f"symlink points outside the folder {root} (to {path.resolve()})"
                )
            elif path.is_file():
                yield path


def _missing_reason(path: Path) -> str:
    """Why a path that does not exist cannot be read: a broken link, a loop, or nothing there."""
    if not path.is_symlink():
        return "no such file or folder"
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return "symlink loop"
    except OSError as exc:
        return "symlink loop" if exc.errno == errno.ELOOP else "broken symlink"
    return "broken symlink"


def _no_articles() -> str:
    return f"no articles ({', '.join(config.INGEST_SUFFIXES)}) in this folder"


def _refused(path: Path, reason: str) -> Outcome:
    return Outcome(str(path), REFUSED, None, f"{path}: {reason}")


def read_input(path: Path, max_bytes: int) -> bytes:
    """The bytes of one input; :class:`Refusal` if it is not a regular file or is too large."""
    try:
        if not path.is_file():
            raise Refusal(f"{path}: not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise Refusal(_too_large(path, size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise Refusal(f"{path}: cannot be read ({exc.strerror})") from exc
    if len(data) > max_bytes:  # grew while being read
        raise Refusal(_too_large(path, len(data), max_bytes))
    return data


def _too_large(path: Path, size: int, limit: int) -> str:
    return f"{path}: {size:,} bytes, over the size limit of {limit:,} bytes (see --max-size)"


def parse_size(text: str) -> int:
    """``"5MB"``, ``"500kB"``, ``"1000"`` (bytes) → bytes; ValueError if not a size.

    >>> parse_size("2.5 MB"), parse_size("500kB"), parse_size("1200")
    (2500000, 500000, 1200)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?\s*", text)
    if match is None:
        raise ValueError(f"{text!r} is not a size (such as 5MB, 500kB or 1000)")
    scale = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[match[2].lower()]
    size = float(match[1]) * scale
    if not size < MAX_SIZE:
        raise ValueError(f"{text!r} is larger than any file this could read (at most 1000GB)")
    return int(size)


# --- the corpus on disk ------------------------------------------------------------------------


def load_state(corpus: Path) -> State:
    """Read what an ingested corpus holds (nothing if the folder is new or empty)."""
    if not corpus.exists() or (corpus.is_dir() and not any(corpus.iterdir())):
        return State(list(COLUMNS), {}, {}, {})
    if not is_ingested(corpus):
        raise IngestError(
            f"{corpus}: not a corpus made by briefing ingest (no {CATALOG_NAME} and"
            f" {ARTICLES_DIR}/); give a new or empty folder with --corpus"
        )
    catalog = corpus / CATALOG_NAME
    read_catalog(catalog)  # validates: a malformed catalog is reported as it is elsewhere
    with catalog.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        raw_rows = list(reader)
        columns = list(reader.fieldnames or [])
    columns += [c for c in COLUMNS if c not in columns]
    state = State(columns, {}, {}, {})
    for raw in raw_rows:
        row = {c: (raw.get(c) or "").strip() for c in columns}
        if not ID_PATTERN.fullmatch(row["id"]):
            raise IngestError(
                f"{catalog}: id {row['id']!r} cannot name a file (letters, digits, ._-)"
            )
        text_path = corpus / ARTICLES_DIR / f"{row['id']}.txt"
        if text_path.is_symlink() and not text_path.resolve().is_relative_to(corpus.resolve()):
            raise IngestError(f"{text_path}: symlink points outside the corpus {corpus}")
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise IngestError(
                f"{catalog}: article {row['id']} has no readable {ARTICLES_DIR}/{row['id']}.txt"
                f" (run briefing check --corpus {corpus})"
            ) from exc
        _remember(state, row, content_hash(text))
    return state


def _remember(state: State, row: dict[str, str], digest: str) -> None:
    state.rows[row["id"]] = row
    state.digests[digest] = row["id"]
    if row.get("url"):
        state.urls.setdefault(row["url"], row["id"])
    if row.get("source_file"):
        state.sources.setdefault(_source_key(row), row["id"])


def _source_key(row: dict[str, str]) -> tuple[str, str]:
    return row.get("source_file", ""), slug(row.get("title") or "")


def catalog_csv(state: State) -> str:
    """The catalog file's text for ``state``: its columns, rows in the order they were added."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=state.columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(state.rows.values())
    return out.getvalue()


def ingest(
    paths: Iterable[str | Path],
    corpus: str | Path = config.CORPUS_DIR,
    catalog: str | Path | None = None,
    replace: bool = False,
    max_bytes: int = config.MAX_ARTICLE_BYTES,
    progress: Callable[[list[Path]], Iterable[Path]] | None = None,
) -> Summary:
    """Add article files and folders of them to ``corpus``; return what happened to each.

    ``catalog`` describes the files being added (default: a ``catalog.csv`` beside them, as
    for other commands). Refused inputs are reported, never raised; the corpus is written
    only if something was added or replaced, and then all at once.

    Raises :class:`IngestError` (or :class:`~briefing.catalog.CatalogError`) when the corpus
    or the catalog given cannot be used; the corpus is then unchanged.

    >>> summary = ingest(["my_articles/"], "corpus/")  # doctest: +SKIP
    >>> summary.counts()  # doctest: +SKIP
    '3 added, 0 replaced, 1 duplicate, 1 refused; corpus/ holds 3 articles'
    """
    summary = Summary(Path(corpus))
    # A corpus reached through a link is written where the link leads; the link stays.
    if Path(corpus).is_symlink():
        if not Path(corpus).exists():
            reason = _missing_reason(Path(corpus))
            raise IngestError(f"{corpus}: the corpus is a {reason}; give a real folder")
        corpus = Path(corpus).resolve()
    corpus = Path(corpus)
    paths = [Path(p) for p in paths]
    with atomic.locked(corpus):
        state = load_state(corpus)
        entries = _entries(paths, catalog)
        found = list(discover(paths, corpus))
        summary.outcomes.extend(o for o in found if isinstance(o, Outcome))
        files = [p for p in found if isinstance(p, Path)]
        with atomic.staging(corpus) as stage:
            for path in progress(files) if progress else files:
                outcome = _ingest_one(path, stage, state, entries, replace, max_bytes)
                summary.outcomes.append(outcome)
            summary.articles = len(state.rows)
            if summary.changed:
                atomic.write_new(stage / CATALOG_NAME, catalog_csv(state).encode("utf-8"))
                atomic.swap(stage, corpus)
    return summary


def _entries(paths: list[Path], catalog: str | Path | None) -> dict[Path, dict[str, Entry]]:
    """The catalog entries for each given path (by file stem), read before anything else."""
    out: dict[Path, dict[str, Entry]] = {}
    read: dict[Path, dict[str, Entry]] = {}
    for path in paths:
        found = find_catalog(path, catalog) if path.exists() else None
        if found is not None:
            if found not in read:
                read[found] = read_catalog(found)
            out[path] = read[found]
    return out


def _ingest_one(
    path: Path,
    stage: Path,
    state: State,
    entries: dict[Path, dict[str, Entry]],
    replace: bool,
    max_bytes: int,
) -> Outcome:
    entry = next(
        (e[path.stem] for root, e in entries.items() if path.stem in e and _under(path, root)),
        None,
    )
    try:
        candidate = prepare(str(path), read_input(path, max_bytes), entry)
    except Refusal as exc:
        return Outcome(str(path), REFUSED, None, str(exc))
    outcome = decide(state, candidate, replace)
    if outcome.status == REPLACED:
        kept = _keep_previous(stage, outcome.id or "")
        outcome = Outcome(
            outcome.path, REPLACED, outcome.id, f"previous version kept: {kept}", outcome.warnings
        )
    if outcome.status in (ADDED, REPLACED):
        _store(stage, state, outcome.id or "", candidate)
        state.batch[outcome.id or ""] = str(path)
    return outcome


def _under(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _store(stage: Path, state: State, article: str, candidate: Candidate) -> None:
    atomic.write_new(
        stage / ARTICLES_DIR / f"{article}.txt", (candidate.article.text + "\n").encode()
    )
    atomic.write_new(stage / ORIGINALS_DIR / f"{article}{candidate.suffix}", candidate.data)
    previous = state.rows.get(article, {})
    row = {c: previous.get(c, "") for c in state.columns}
    row.update({k: v for k, v in candidate.row.items() if v})
    row["id"] = article
    row["ingested"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for digest, holder in list(state.digests.items()):
        if holder == article:
            del state.digests[digest]
    _remember(state, row, candidate.digest)


def _keep_previous(stage: Path, article: str) -> str:
    """Move an article's current text and original into ``.previous/``; return the name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = stage / PREVIOUS_DIR
    folder.mkdir(exist_ok=True)
    name = f"{article}-{stamp}"
    os.replace(stage / ARTICLES_DIR / f"{article}.txt", folder / f"{name}.txt")
    for original in (stage / ORIGINALS_DIR).glob(f"{article}.*"):
        if original.stem == article:
            os.replace(original, folder / f"{name}.original{original.suffix}")
    return f"{PREVIOUS_DIR}/{name}.txt"
