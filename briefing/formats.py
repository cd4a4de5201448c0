"""Reading Markdown with YAML front matter and saved web pages into the :class:`Article` shape.

Every format ends in :func:`briefing.articles.parse_article`, so the cleaned text (headline,
blank line, body paragraphs) and its offsets mean the same whatever the file was:

- ``.txt``: as the seeds;
- ``.md``: optional YAML front matter (``title``, ``outlet``, ``published``, ``url``,
  ``language``; also ``original_language`` and ``agency``), then Markdown whose markup is
  dropped (headings, emphasis, links, list markers) and whose wrapped lines are joined;
- ``.html``/``.htm``: a page saved from a browser; its main text, title, date and site name
  come from trafilatura, which parses the file and never fetches anything.

What the file states (front matter, page metadata) wins over what the text says (a
``Source:`` line, a dateline).
"""

from __future__ import annotations

import contextlib
import re
import warnings
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from briefing import config
from briefing.articles import (
    Article,
    ArticleError,
    MetadataWarning,
    binary_kind,
    decode,
    parse_article,
    parse_date,
    read_bytes,
)
from briefing.vocab import WordsLoader, read_yaml

FRONT_MATTER_KEYS = (
    "title",
    "outlet",
    "published",
    "url",
    "language",
    "original_language",
    "agency",
)
_KINDS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


class FormatError(ArticleError):
    """A file's format is wrong (front matter, page); the message names the file and why."""


def read_any(path: str | Path, article_id: str | None = None) -> Article:
    """Read a ``.txt``, ``.md`` or ``.html`` file into an :class:`Article` (id: the file stem).

    Raises :class:`~briefing.articles.ArticleError` (or :class:`FormatError`) naming the file.
    """
    path = Path(path)
    return parse_bytes(read_bytes(path), path.suffix, str(path), article_id or path.stem)


def parse_bytes(data: bytes, suffix: str, name: str, article_id: str) -> Article:
    """Parse a file's bytes by its suffix (no file access); ``name`` is used in messages."""
    kind = _KINDS.get(suffix.lower())
    if kind is None:
        found = binary_kind(data)
        if found is not None:
            raise ArticleError(f"{name}: binary file{f' ({found})' if found else ''}, not text")
        accepted = ", ".join(config.INGEST_SUFFIXES)
        raise FormatError(
            f"{name}: not an article file ({suffix or 'no suffix'}); expected {accepted}"
        )
    if kind == "html":
        return parse_html(data, article_id, name)
    raw = decode(data, name)
    if kind == "markdown":
        return parse_markdown(raw, article_id, name)
    return parse_article(raw, article_id, path=name)


# --- Markdown ---------------------------------------------------------------------------------


class _Loader(WordsLoader):
    """Safe YAML without implicit dates, so an invalid date is reported, not a crash.

    As in the vocabularies, ``language: no`` (Norwegian) stays a string. Aliases
    (``&name`` ... ``*name``) are refused: metadata has no use for them, and nested ones can
    expand a few lines into gigabytes.
    """

    def compose_node(self, parent, index):  # PyYAML builds every node here
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in WordsLoader.yaml_implicit_resolvers.items()
}

_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)


def split_front_matter(raw: str, name: str) -> tuple[dict[str, Any], str]:
    """Return the front matter (validated, see :data:`FRONT_MATTER_KEYS`) and the body.

    A file that does not open with a ``---`` line has no front matter.
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if not re.match(r"---[ \t]*\n", raw):
        return {}, raw
    match = _FRONT.match(raw)
    if match is None:
        raise FormatError(f"{name}: front matter has no closing '---' line")
    try:
        data = read_yaml(match["yaml"], _Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise FormatError(f"{name}: front matter is not valid YAML ({where}{problem})") from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FormatError(f"{name}: front matter is not a list of 'key: value' lines")
    return _front_matter(data, name), raw[match.end() :]


def _front_matter(data: dict[Any, Any], name: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    unknown = sorted(str(k) for k in data if k not in FRONT_MATTER_KEYS and k != "date")
    if unknown:
        warnings.warn(
            f"{name}: front matter key(s) {', '.join(unknown)} ignored"
            f" (known: {', '.join(FRONT_MATTER_KEYS)})",
            MetadataWarning,
            stacklevel=3,
        )
    for key, value in data.items():
        if key in unknown or value is None or value == "":
            continue
        if key in ("published", "date"):
            out.setdefault("published", _as_date(value, name, key))
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            out[key] = str(value).strip()
        else:
            raise FormatError(f"{name}: front matter {key} must be text, not {_shown(value)}")
    return out


def _as_date(value: Any, name: str, key: str) -> date:
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    # A written date ("5 March 2024") needs a day, or dateutil would invent one.
    if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", text) and (when := parse_date(text)):
        return when
    raise FormatError(f"{name}: front matter {key} {_shown(value)} is not a date (use YYYY-MM-DD)")


def _shown(value: Any, limit: int = 60) -> str:
    """A value as quoted in an error message, cut short so the message stays one line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


_MD_RULES = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
)
_MD_DROP = re.compile(r"^\s*(?:```.*|~~~.*|(?:[-*_]\s*){3,}|\[[^\]]+\]:\s+\S+.*)$")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_MD_MARKER = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")


def markdown_text(body: str) -> str:
    r"""Markdown to plain paragraphs: markup dropped, wrapped lines of a paragraph joined.

    Headings and list items become paragraphs of their own.

    >>> markdown_text("# Talks\n\nMediators **met**\nin [Cairo](https://x.org).\n- One\n")
    'Talks\n\nMediators met in Cairo.\n\nOne'
    """
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for block in re.split(r"\n[ \t]*\n", body):
        for line in block.split("\n"):
            if not line.strip() or _MD_DROP.match(line):
                continue
            text = _inline(_strip_markers(line))
            if _MD_HEADING.match(line):
                flush()
                paragraphs.append(text)
                continue
            if _MD_ITEM.match(line):
                flush()
            if text:
                current.append(text)
        flush()
    return "\n\n".join(p for p in paragraphs if p)


def _strip_markers(line: str) -> str:
    while (match := _MD_MARKER.match(line)) and match.end():
        line = line[match.end() :]
    return re.sub(r"\s+#+\s*$", "", line).strip()  # closing hashes of a heading


def _inline(line: str) -> str:
    for pattern, replacement in _MD_RULES:
        line = pattern.sub(replacement, line)
    return line.strip()


def parse_markdown(raw: str, article_id: str, path: str | None = None) -> Article:
    """Turn a Markdown file's text (with optional front matter) into an :class:`Article`."""
    name = path or article_id
    stated, body = split_front_matter(raw, name)
    text = markdown_text(body)
    if not text.strip():
        raise FormatError(f"{name}: no article text after the front matter")
    title = stated.get("title")
    article = parse_article(f"{title}\n\n{text}" if title else text, article_id, path=path)
    return _apply(article, stated)


def _apply(article: Article, stated: dict[str, Any]) -> Article:
    article.title = stated.get("title") or article.title
    article.outlet = stated.get("outlet") or article.outlet
    article.published = stated.get("published") or article.published
    article.url = stated.get("url") or article.url
    article.original_language = (
        stated.get("original_language") or stated.get("language") or article.original_language
    )
    article.agency = stated.get("agency") or article.agency
    return article


# --- saved web pages ------------------------------------------------------------------------------

MIN_PAGE_WORDS = 5
"""A page whose main text has fewer words than this (beyond its title) has no article."""
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)


def page_text(data: bytes, name: str) -> str:
    """Decode a saved page: the charset its ``<meta>`` declares if that fits, else as text."""
    declared = _CHARSET.search(data[:4096])
    if declared and binary_kind(data) is None and data.strip():
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, name)


def parse_html(data: bytes, article_id: str, path: str | None = None) -> Article:
    """Turn a saved web page into an :class:`Article`: trafilatura finds the main text.

    The title, publication date (from the page's metadata only, never guessed from its
    text), site name and canonical URL become the article's metadata.
    """
    import trafilatura

    name = path or article_id
    html = page_text(data, name)
    try:
        found = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a parser failure on one page refuses that page, not the run
        raise FormatError(
            f"{name}: the page could not be parsed ({exc.__class__.__name__})"
        ) from exc
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    title = (found.title or "").strip() if found is not None else ""
    body = "\n".join(line for line in text.splitlines() if line.strip() != title)
    words = len(re.findall(r"\w+", body))
    if words < MIN_PAGE_WORDS:  # what is left of a page of links is menu words, not an article
        raise FormatError(f"{name}: no article text found in the page")
    article = parse_article(f"{title}\n\n{text}" if title else text, article_id, path=path)
    stated: dict[str, Any] = {"title": title, "url": found.url}
    stated["outlet"] = found.sitename or (found.hostname or "").removeprefix("www.") or None
    if found.date:
        with contextlib.suppress(ValueError):
            stated["published"] = date.fromisoformat(found.date[:10])
    return _apply(article, {k: v for k, v in stated.items() if v})
