"""Reading a file into an :class:`Article`: encodings, headline, page furniture, metadata.

The cleaned text is the headline, a blank line, then the body paragraphs separated by blank
lines, with page furniture removed and runs of spaces collapsed. Every offset in every record
refers to this text.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from briefing.sentences import split_sentences
from briefing.vocab import load_yaml


class ArticleError(ValueError):
    """An article file cannot be read; the message names the file and the reason."""


class MetadataWarning(UserWarning):
    """Metadata was read in a degraded way, or two sources of metadata disagree."""


@dataclass(slots=True)
class Article:
    """One article: cleaned text and metadata.

    ``text`` is what offsets refer to; ``body_start`` is where the body begins in it.
    """

    id: str
    text: str
    headline: str
    body_start: int
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str = "en"
    original_language: str | None = None
    url: str | None = None
    agency: str | None = None
    dateline_place: str | None = None
    path: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)


MAX_BINARY_CONTROL_RATIO = 0.01
_SPACE_CHARS = "\t\u00a0\u2000-\u200a\u202f\u205f\u3000"
# A run of spaces becomes one space. Only runs that change are matched (two or more spaces,
# or one other space character), so a plain single space costs no replacement.
_SPACES = re.compile(rf"[ {_SPACE_CHARS}]{{2,}}|[{_SPACE_CHARS}]")
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
# "24th February 2024 – (Paris)", "Paris, February 24, 2024 —", "CAIRO (AFP) —"
_DATELINES = (
    re.compile(rf"^(?P<date>{_DATE})\s*[–—-]\s*\(?(?P<place>[A-Z][\w .'-]{{1,40}}?)\)?\s+"),
    re.compile(rf"^(?P<place>[A-Z][\w .'-]{{1,40}}?),\s+(?P<date>{_DATE})\s*[–—-]\s+"),
    re.compile(r"^(?P<place>[A-Z][A-Z .'-]{1,40}?)\s*(?:\([A-Za-z .-]{2,30}\))?\s*[–—-]\s+"),
)
_STOPWORDS = {
    "en": "the and of to in is that was for on with are said as by has have from",
    "fr": "le la les et des du un une est que dans pour sur au avec pas qui",
    "pt": "o os as e do da dos das um uma que em para com não por foi",
    "de": "der die das und ist nicht mit den dem ein eine zu von auf sich",
    "es": "el los las y del un una que en para con por es se fue",
}


def read_article(path: str | Path, article_id: str | None = None) -> Article:
    """Read an article file into an :class:`Article`.

    Raises :class:`ArticleError` naming the file when it is empty, binary or undecodable.
    """
    path = Path(path)
    raw = decode(read_bytes(path), str(path))
    return parse_article(raw, article_id or path.stem, path=str(path))


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or :class:`ArticleError` naming it and saying why not."""
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ArticleError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ArticleError(f"{path}: is a folder, not an article file") from exc
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror})") from exc


def decode(data: bytes, name: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else cp1252 with a warning.

    A file mixing UTF-8 with cp1252 (a quote pasted from another encoding) is read part by
    part, also with a warning; only bytes that are neither raise :class:`ArticleError`.
    """
    if not data.strip():
        raise ArticleError(f"{name}: empty file")
    for marks, encoding in _UNICODE_BOMS:  # "Unicode" as saved by Notepad and others
        if data.startswith(marks):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"{name}: cannot decode as {encoding.upper()}") from exc
            if "\x00" in text:
                raise ArticleError(f"{name}: not {encoding.upper()} despite its byte-order mark")
            if not text.strip():
                raise ArticleError(f"{name}: empty file")
            return _without_escapes(text)
    kind = binary_kind(data)
    if kind is not None:
        raise ArticleError(f"{name}: binary file{f' ({kind})' if kind else ''}, not text")
    if data.translate(None, _CONTROL_BYTES) != data:
        stray = len(data) - len(data.translate(None, _CONTROL_BYTES))
        data = data.translate(None, _CONTROL_BYTES)
        message = f"{name}: {stray} stray control byte(s) (such as NUL) removed"
        warnings.warn(message, MetadataWarning, stacklevel=2)
    try:
        return _without_escapes(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("utf-8-sig", errors=_CP1252_FALLBACK)
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start : exc.start + 1].hex()
        raise ArticleError(
            f"{name}: cannot decode as UTF-8 or cp1252 (byte 0x{byte} is neither)"
        ) from exc
    if text == data.decode("cp1252", errors="replace"):
        message = f"{name}: not UTF-8; read as cp1252"
    else:
        message = f"{name}: mixed encodings; read as UTF-8 with cp1252 parts"
    warnings.warn(message, MetadataWarning, stacklevel=2)
    return _without_escapes(text)


_UNICODE_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    ((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "utf-32"),
    ((b"\xff\xfe", b"\xfe\xff"), "utf-16"),
)
_TERMINAL_ESCAPE = re.compile(
    r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
)
"""Terminal colour and cursor codes (text copied from a console), removed from the text."""


def _without_escapes(text: str) -> str:
    return _TERMINAL_ESCAPE.sub("", text) if "\x1b" in text else text


def _cp1252_part(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode the bytes UTF-8 rejects as cp1252 (or fail)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("cp1252"), error.end


_CP1252_FALLBACK = "briefing-cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _cp1252_part)

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "zip archive or office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
"""Control bytes that text does not hold (tab, newline, form feed, return and the escape of
terminal colour codes excepted)."""


def binary_kind(data: bytes) -> str | None:
    """The binary format ``data`` looks like ("PDF"), "" if unknown, None if it is text."""
    head = data[:8192]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > MAX_BINARY_CONTROL_RATIO * len(head):
        return ""  # a few stray control bytes in text are dropped (see decode), not refused
    return None


_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
"""Every way text ends a line (Windows, old Mac, Unicode line and paragraph separators)."""


def _line_break(match: re.Match[str]) -> str:
    return "\n\n" if match.group() == "\u2029" else "\n"  # a paragraph separator ends one


def parse_article(raw: str, article_id: str, path: str | None = None) -> Article:
    """Turn an article's raw text into an :class:`Article` (no file access)."""
    rules = _furniture()
    lines = [_clean_line(line) for line in _LINE_BREAKS.sub(_line_break, raw).split("\n")]
    lines = unwrap_lines(lines, rules)
    outlet = published = None
    kept: list[str] = []
    headline_key = ""
    for index, line in enumerate(lines):
        if not line:
            continue
        if rules["source"].fullmatch(line) or re.fullmatch(r"source\s*:?", line, re.I):
            value = (rules["source"].fullmatch(line) or {"value": ""})["value"]
            outlet = outlet or _outlet_from_source(value)  # an empty "Source:" is furniture too
            continue
        found = rules["published"].fullmatch(line)
        if found and (when := parse_date(found["value"])):
            published = published or when
            continue
        if rules["drop"].fullmatch(line):
            continue
        if rules["end"].fullmatch(line):
            if not any(len(rest.split()) >= 40 for rest in lines[index + 1 :]):
                break
            continue
        if kept and _same_line(line, headline_key):
            continue  # the headline repeated by the page
        if not kept:
            headline_key = _line_key(line)
        kept.append(line)
    if not kept:
        raise ArticleError(f"{path or article_id}: no article text after removing page furniture")
    headline, body = kept[0], kept[1:]
    text = headline + "\n\n" + "\n\n".join(body) if body else headline
    body_start = len(headline) + 2 if body else len(text)
    article = Article(
        id=article_id,
        text=text,
        headline=headline,
        body_start=body_start,
        title=headline,
        outlet=outlet,
        published=published,
        language=guess_language(text),
        path=path,
        sentences=split_sentences(text),
    )
    if body:
        _read_dateline(article, body[0])
    return article


MAX_WRAP_WIDTH = 100
"""Plain text wrapped at a fixed width (e-mail, wire feeds) is wrapped at 60 to 80 columns."""


def unwrap_lines(lines: list[str], rules: dict[str, re.Pattern[str]] | None = None) -> list[str]:
    """Join the lines of a hard-wrapped text back into paragraphs.

    A text counts as hard-wrapped when at least three lines that run on into a next line
    come within 15 characters of the longest such line, which is 50 to 100 characters
    long. Then a line joins the next one when it fills at least 60% of that width; the first
    line (the headline), blank lines and page furniture ("Share this article:") stay apart.
    A word broken at a hyphen ("cease-" / "fire") is joined without a space. Texts with
    one paragraph per line are left as they are.
    """
    running = [len(line) for line, after in itertools.pairwise(lines) if line and after]
    if len(running) < 3:
        return lines
    width = max(running)
    if not 50 <= width <= MAX_WRAP_WIDTH or sum(n >= width - 15 for n in running) < 3:
        return lines
    rules = rules or _furniture()
    furniture = [rules[key] for key in ("drop", "end", "source", "published")]
    first = next((i for i, line in enumerate(lines) if line), 0)
    out: list[str] = []
    joining = False
    for index, line in enumerate(lines):
        if joining and line and not any(rule.fullmatch(line) for rule in furniture):
            previous = out[-1]
            glue = "" if re.search(r"[^\W\d_]-$", previous) and line[:1].isalpha() else " "
            out[-1] = previous + glue + line
        else:
            out.append(line)
        joining = (
            index != first
            and bool(line)
            and len(line) >= 0.6 * width
            and not any(rule.fullmatch(line) for rule in furniture)
        )
    return out


_GROUP_SPACES = "\u00a0\u202f\u2009"
_SPACE_GROUPS = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](\d{3})(?!\d)")
_KEEP_GROUP = "\ue000"
"""A private-use stand-in that NFKC leaves alone; put back as a narrow no-break space."""
_VULGAR = {"½": ".5", "¼": ".25", "¾": ".75"}
_VULGAR_FRACTION = re.compile(r"(?:(\d) ?)?([½¼¾])")


def _as_decimal(match: re.Match[str]) -> str:
    """Write "2½" and "2 ½" as "2.5", "¾" as "0.75" (NFKC would make "21⁄2" and "3⁄4")."""
    return (match[1] or "0") + _VULGAR[match[2]]


def _clean_line(line: str) -> str:
    # NFKC: fullwidth letters and styled digits ("Ｈａｍａｓ", "𝟏𝟐") become plain ones, so
    # names and numbers are found; offsets refer to this cleaned text. An ASCII line has
    # nothing to remove or normalise.
    if not line.isascii():
        if any(c in line for c in _INVISIBLE_CHARS):
            line = line.translate(_INVISIBLE)
        if any(c in line for c in _VULGAR):
            line = _VULGAR_FRACTION.sub(_as_decimal, line)
        grouped = any(c in line for c in _GROUP_SPACES)
        if grouped:  # NFKC would turn "30 000" (no-break space) into two numbers
            line = _SPACE_GROUPS.sub(_KEEP_GROUP + r"\1", line)
        line = unicodedata.normalize("NFKC", line)
        if "\u0130" in line or "\u0131" in line:
            # Turkish dotted capital I and dotless i read as I and i: a Turkish keyboard or
            # upper-casing ("MİLLİONS", "kılled") otherwise defeats every word list.
            line = line.translate(_TURKISH_I)
        if grouped:
            return _SPACES.sub(" ", line).strip().replace(_KEEP_GROUP, "\u202f")
    return _SPACES.sub(" ", line).strip()


_TURKISH_I = {0x130: "I", 0x131: "i"}


_NON_WORD = re.compile(r"\W+")
_WORD_CHAR = re.compile(r"\w")


def _line_key(line: str) -> str:
    """What two lines must share to be the same line: their letters and digits, any case."""
    return _NON_WORD.sub("", line).casefold()


def _same_line(line: str, key: str) -> bool:
    """``_line_key(line) == key``, with most lines told apart by their first letter alone."""
    first = _WORD_CHAR.search(line)
    if first is not None and not key.startswith(first.group().casefold()):
        return False
    return _line_key(line) == key


@functools.cache
def _furniture() -> dict[str, re.Pattern[str]]:
    data = load_yaml("furniture.yaml")
    return {
        key: re.compile("|".join(f"(?:{p})" for p in data[key]), re.IGNORECASE)
        for key in ("drop", "end", "source", "published")
    }


def _outlet_from_source(value: str) -> str | None:
    value = value.strip()
    url = re.match(r"(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)+)(?:/\S*)?$", value)
    if url and ("/" in value or value.startswith("www.") or (" " not in value and "." in value)):
        return url.group(1)
    return value or None


def _read_dateline(article: Article, first: str) -> None:
    for pattern in _DATELINES:
        match = pattern.match(first)
        if match is None:
            continue
        when = parse_date(match.groupdict().get("date") or "")
        if "date" in match.groupdict() and when is None:
            continue
        place = match["place"].strip(" .").title() if match["place"] else None
        if place and len(place.split()) > 3:
            continue
        article.published = article.published or when
        article.dateline_place = place
        return


@functools.lru_cache(maxsize=1024)
def parse_date(value: str) -> date | None:
    """Parse a written date ("24th February 2024", "2024-02-24"); None if not a full date.

    Remembered: a feed's datelines repeat the same few dates, and the parser is slow.
    """
    from dateutil import parser

    value = value.strip().rstrip(".,")
    if not re.search(r"\d{4}", value):
        return None
    dayfirst = not re.match(r"\d{4}-", value)
    try:
        # Parse twice with different defaults: a part the text lacks (the day of "February
        # 2024") would be filled in from the default, so the two results differ.
        first = parser.parse(value, dayfirst=dayfirst, default=datetime(2000, 1, 1))
        second = parser.parse(value, dayfirst=dayfirst, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    return first.date() if first == second else None


_SCRIPTS = (
    ("ar", "\u0600-\u06ff"),
    ("he", "\u0590-\u05ff"),
    ("ru", "\u0400-\u04ff"),
    ("el", "\u0370-\u03ff"),
)


_ANY_SCRIPT = re.compile("[" + "".join(block for _, block in _SCRIPTS) + "]")
_STOPWORD_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}


def guess_language(text: str) -> str:
    """Return the ISO 639-1 code of ``text``: by script, else by its most frequent common words.

    "und" (undetermined) when neither settles it.
    """
    sample = text[:4000]
    if _ANY_SCRIPT.search(sample):  # one scan settles most texts: no letter of those scripts
        latin = len(re.findall(r"[A-Za-zÀ-ÿ]", sample))
        for code, block in _SCRIPTS:
            if len(re.findall(f"[{block}]", sample)) > latin:
                return code
    counts = Counter(re.findall(r"[a-zà-ÿ]+", sample.lower()))
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _STOPWORD_SETS.items()}
    return max(scores, key=scores.__getitem__) if any(scores.values()) else "und"
