"""Reading, validating and applying the analyst's article metadata (``catalog.csv``).

The catalog has one row per article: ``id`` (file stem), ``title``, ``outlet``,
``published`` (ISO date), ``original_language``, ``url``, and optionally ``agency`` (the wire
service a syndicated piece reports, e.g. AFP). Where the catalog and the article's own text
disagree the catalog wins, with a warning.
"""

from __future__ import annotations

import csv
import re
import unicodedata
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing.articles import Article, MetadataWarning

REQUIRED_COLUMNS = ("id", "title", "outlet", "published", "original_language", "url")
OPTIONAL_COLUMNS = ("agency",)


class CatalogError(ValueError):
    """The catalog file is malformed; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog row."""

    id: str
    title: str | None
    outlet: str | None
    published: date | None
    original_language: str | None
    url: str | None
    agency: str | None = None


def read_catalog(path: str | Path) -> dict[str, Entry]:
    """Read and validate a catalog CSV; return its entries by id.

    Raises :class:`CatalogError` for a missing file, missing columns, duplicate or empty ids
    and dates that are not ISO dates.
    """
    path = Path(path)
    rows: list[tuple[int, dict[str, str | None]]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, strict=True)  # an unclosed quote is an error
            columns = reader.fieldnames or []
            missing = [c for c in REQUIRED_COLUMNS if c not in columns]
            if missing:
                raise CatalogError(f"{path}: missing column(s): {', '.join(missing)}")
            for row in reader:
                rows.append((reader.line_num, row))
    except FileNotFoundError as exc:
        raise CatalogError(f"{path}: catalog not found") from exc
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path}: not UTF-8 text") from exc
    except csv.Error as exc:
        reason = "a quote is never closed" if "end of data" in str(exc) else str(exc)
        where = f"line {rows[-1][0] + 1 if rows else 2}: "  # where the bad row begins
        raise CatalogError(f"{path}: {where}not a valid CSV file ({reason})") from exc
    entries: dict[str, Entry] = {}
    for line, row in rows:  # line_num: the file line where the row ends
        entry = _entry(row, f"{path}: line {line}")
        if entry.id in entries:
            raise CatalogError(f"{path}: line {line}: duplicate id {entry.id!r}")
        entries[entry.id] = entry
    return entries


def _entry(row: dict[str, str | None], where: str) -> Entry:
    def value(column: str) -> str | None:
        text = (row.get(column) or "").strip()
        return text or None

    article_id = value("id")
    if not article_id:
        raise CatalogError(f"{where}: empty id")
    published = value("published")
    try:
        when = date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise CatalogError(
            f"{where}: published {published!r} is not an ISO date (YYYY-MM-DD)"
        ) from exc
    return Entry(
        id=article_id,
        title=value("title"),
        outlet=value("outlet"),
        published=when,
        original_language=value("original_language"),
        url=value("url"),
        agency=value("agency"),
    )


def apply_entry(article: Article, entry: Entry | None) -> Article:
    """Merge catalog metadata into ``article`` (in place and returned); catalog wins.

    A disagreement between the catalog and the text's own ``Source:`` line or dateline is
    reported as a :class:`MetadataWarning` naming the article.
    """
    if entry is None:
        return article
    name = article.path or article.id
    if entry.outlet and article.outlet and not _same_outlet(entry.outlet, article.outlet):
        warnings.warn(
            f"{name}: catalog outlet {entry.outlet!r} differs from the text's {article.outlet!r};"
            " using the catalog's",
            MetadataWarning,
            stacklevel=2,
        )
    if entry.published and article.published and entry.published != article.published:
        warnings.warn(
            f"{name}: catalog date {entry.published} differs from the text's {article.published};"
            " using the catalog's",
            MetadataWarning,
            stacklevel=2,
        )
    article.title = entry.title or article.title
    article.outlet = entry.outlet or article.outlet
    article.published = entry.published or article.published
    article.original_language = entry.original_language or article.original_language
    article.url = entry.url or article.url
    article.agency = entry.agency or article.agency
    return article


def _squash(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def _outlet_key(name: str) -> str:
    """Comparable form of an outlet name: "www.ynet.co.il" and "Ynet" both give "ynet"."""
    name = name.strip()
    if " " not in name and "." in name:
        name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name).split(".")[0]
    return _squash(name)


def _same_outlet(a: str, b: str) -> bool:
    """True if two outlet names plausibly name one outlet ("noticiasaominuto.com")."""
    x, y = _outlet_key(a), _outlet_key(b)
    if not (x and y):
        return False
    shorter, longer = sorted((x, y), key=len)
    return x == y or (len(shorter) >= 5 and longer.startswith(shorter))
