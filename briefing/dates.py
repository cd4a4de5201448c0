"""Resolving written dates against an article's publication date.

Weekdays follow what the sentence reports: a past event ("met on Tuesday") is the latest such
day on or before publication; a scheduled one ("will meet on Tuesday") the next on or after
it; "this Friday" is the Friday of the publication's week.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta, weekday
from dateutil.relativedelta import weekdays as _WEEKDAYS

from briefing.anchored import Anchored, room
from briefing.spans import ByStart, Spans
from briefing.vocab import first_letters, load_yaml, starts_with


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression resolved to a date with a precision (``day``, ``month``, ``year``).

    ``approximate`` marks a best guess such as "last week" (a week before publication).
    """

    start: int
    end: int
    date: date
    precision: str
    approximate: bool = False


_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NAMES.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_NAMES["sept"] = 9
_DAY_NAMES = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTH_WORD = re.compile(rf"\b(?i:{'|'.join(m.lower() for m in calendar.month_name if m)})\b")
"""A full month name, any case ("January", "march")."""
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(_DAY_NAMES) + r")"
_PART = r"(?:\s+(?:night|morning|evening|afternoon))?"
_EDGE = r"(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of\s+|(?:early|mid|late)[\s-]+"


_EDGES = ("at", "the", "early", "mid", "late")
_WEEKDAY_RELS = ("this", "last", "next", "on", "by", "until", "from")
_RELATIVE_START = ("today", "tonight", "this", "yesterday", "tomorrow", "last", "next")
_RELATIVE_START += ("earlier", "later", "the", "a")
_YEAR_AFTER = ("in", "since", "of", "by", "until", "from")
# The patterns that begin with a digit or a month name open with the set of characters they can
# begin with and are compiled case-sensitive (case-insensitive inside), which lets the engine
# skip through the text; they match what ``\b(?=\d){_DAY}...`` and ``\b{_MONTH}...`` with
# re.IGNORECASE match.
_DAY_FIRST = r"(?P<day>\d(?<!\w\d)(?:(?<=[0-3])\d)?)(?i:(?:st|nd|rd|th)?"
_MONTH_FIRST = rf"(?P<month>{first_letters(list(_MONTH_NAMES))})(?i:\.?"
# "May 5, 2024" (mdy) and "May 5" not followed by a year (md) never match at the same place:
# one scan reads both, told apart by the year group.
_MONTH_DAY = re.compile(
    rf"{_MONTH_FIRST}\s+{_DAY}(?:(?P<with_year>,?\s+{_YEAR}\b)|(?![\w-])(?!,?\s+\d{{4}})))"
)
_MONTH_ONLY = re.compile(
    rf"\b{starts_with([*_MONTH_NAMES, *_EDGES])}"
    rf"(?P<edge>{_EDGE})?{_MONTH}(?:\s+{_YEAR})?\b",
    re.I,
)
_WEEKDAY_DATE = re.compile(
    rf"\b{starts_with([*_WEEKDAY_RELS, *_DAY_NAMES])}"
    rf"(?P<rel>{'|'.join(_WEEKDAY_RELS)})?\s*{_WEEKDAY}{_PART}\b",
    re.I,
)
_RELATIVE = re.compile(
    rf"\b{starts_with(_RELATIVE_START)}"
    r"(?P<rel>today|tonight|this\s+(?:morning|afternoon|evening|week|month)|yesterday|"
    r"tomorrow|last\s+(?:night|week|month)|next\s+(?:week|month)|"
    r"earlier\s+(?:this|in\s+the)\s+week|later\s+(?:this|in\s+the)\s+week|"
    r"the\s+day\s+before|a\s+day\s+(?:earlier|before))\b",
    re.I,
)
_YEAR_ONLY = re.compile(rf"{first_letters(_YEAR_AFTER)}(?i:\s+{_YEAR}\b)")
# "31/12/2024", "31.12.2024", "5/3/2024": day first, as in most of the world's press, unless
# only the other order makes a date ("12/31/2024").
_NUMERIC = re.compile(
    r"(?P<first>\d(?<![\w./]\d)(?:(?<=[0-3])\d)?)(?P<sep>[./])(?P<second>[0-3]?\d)(?P=sep)"
    r"(?P<year>(?:19|20)\d\d)(?![\w/])(?!\.\d)"
)
# "On Thursday (20/2)": a day and month in brackets after the weekday, as Indonesian and
# Malay papers write it; only in brackets, where "1/2" cannot be a fraction.
_PAREN_DAY_MONTH = re.compile(r"\((?P<day>[0-3]?\d)/(?P<month>1[0-2]|0?[1-9])\)")
_DOTTED_DAY_MONTH = re.compile(
    r"(?<![\w.,])(?P<day>3[01]|[12]\d|0?[1-9])\.(?P<month>1[0-2]|0?[1-9])\.(?!\d)"
)
_DATE_PREPOSITION = re.compile(r"\b(?i:on|until|till|from|since|before|after)\s+\Z")
"""A day and month written the Central European and Nordic way, "on 27.11.", "until 18.2.",
after a preposition that takes a date but not an amount ("rose by 2.5." and "fell to 3.4." end
a sentence with a decimal)."""
_WEEKDAY_BEFORE = re.compile(rf"\b(?i:on\s+)?(?i:{'|'.join(_DAY_NAMES)})\s*\Z")
"""The weekday the bracket belongs to: the mention starts there and the weekday is not read
again as a date of its own."""
_UNITS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINALS = {word: day for day, word in enumerate(_UNITS, start=1)}
_ORDINALS |= {"twentieth": 20, "thirtieth": 30, "thirty-first": 31}
_ORDINALS |= {f"twenty-{word}": 20 + day for word, day in list(_ORDINALS.items()) if day < 10}
_ORDINAL = "|".join(w.replace("-", "[\\s-]") for w in sorted(_ORDINALS, key=len, reverse=True))
# "the tenth of October", "the twenty-first of March": a day spelt out, as read on the radio.
_ORDINAL_DATE = re.compile(rf"\b(?:the\s+)?(?P<ordinal>{_ORDINAL})\s+of\s+{_MONTH}(?![\w-])", re.I)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?P<iso>\d(?<!\w\d)\d{3}-\d{2}-\d{2})\b")),
    ("numeric", _NUMERIC),
    ("paren", _PAREN_DAY_MONTH),
    ("dotted", _DOTTED_DAY_MONTH),
    ("dmy", re.compile(rf"{_DAY_FIRST}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b)")),
    ("mdy", _MONTH_DAY),
    ("dm", re.compile(rf"{_DAY_FIRST}\s+(?:of\s+)?{_MONTH}(?![\w-]))")),
    ("ordinal", _ORDINAL_DATE),
    ("md", _MONTH_DAY),
    ("month", _MONTH_ONLY),
    ("year", _YEAR_ONLY),
    ("weekday", _WEEKDAY_DATE),
    ("relative", _RELATIVE),
]
# The patterns built on a month, weekday or day word are tried only where such a word occurs
# (briefing.anchored: the same matches, found without trying every letter). A match starts at
# its word or at the words before it that the pattern allows ("at the end of", "last", "the
# day"); ``back`` is room for the longest such lead.
_ANCHORED: dict[re.Pattern[str], Anchored] = {
    _ORDINAL_DATE: Anchored(
        _ORDINAL_DATE,
        _MONTH_NAMES,
        lead=rf"(?i:\b(?:the\s+)?(?:{_ORDINAL})\s+of\s+)",
        back=room("the twenty seventh of"),
    ),
    _MONTH_DAY: Anchored(_MONTH_DAY, _MONTH_NAMES),
    _MONTH_ONLY: Anchored(
        _MONTH_ONLY,
        _MONTH_NAMES,
        lead=rf"\b(?:{_EDGE})",
        back=room("at the beginning of"),
    ),
    # "onMonday" also matches (the space after the relative word may be missing), so the
    # weekday need not begin a word.
    _WEEKDAY_DATE: Anchored(
        _WEEKDAY_DATE,
        _DAY_NAMES,
        lead=rf"\b(?:{'|'.join(_WEEKDAY_RELS)})\s*",
        back=room("until"),
        word_start=False,
    ),
    # "in 2024", "since 1999": anchored on the century, led by the preposition.
    _YEAR_ONLY: Anchored(
        _YEAR_ONLY,
        ["19", "20"],
        lead=rf"{first_letters(_YEAR_AFTER)}\s+",
        back=room("until"),
    ),
    # Anchored on the last word of each phrase; "earlier" is one, so "earlier this week"
    # starts at its anchor.
    _RELATIVE: Anchored(
        _RELATIVE,
        "today tonight yesterday tomorrow morning afternoon evening night week month before "
        "earlier".split(),
        lead=r"\b(?:this|last|next|later\s+(?:this|in\s+the)|the\s+day|a\s+day)\s+",
        back=room("later in the"),
    ),
}

# Capitalised words that look like month names but are not, in this news.
_FALSE_MONTHS = {"may", "march"}


@functools.cache
def _named() -> list[tuple[re.Pattern[str], date]]:
    data = load_yaml("named_dates.yaml") or {}
    return [
        (re.compile(rf"\b(?:{k})\b", re.I), date.fromisoformat(str(v))) for k, v in data.items()
    ]


def resolve_dates(
    text: str,
    published: date | None,
    start: int = 0,
    end: int | None = None,
    future: bool = False,
) -> list[DateMention]:
    """Return the date expressions in ``text[start:end]`` resolved against ``published``.

    ``future`` says the clause speaks of something scheduled, which moves weekdays forward.
    Without a publication date only expressions that carry their own year resolve.

    >>> [m.date.isoformat() for m in resolve_dates("met on Tuesday", date(2024, 2, 8))]
    ['2024-02-06']
    """
    end = len(text) if end is None else end
    # The whole text is resolved once (per publication date and tense); a window takes the
    # expressions inside it, and is read on its own only when one crosses its edge.
    near = _whole(text, published, future).overlapping(start, end)
    inside = [m for m in near if start <= m.start and m.end <= end]
    crossing = len(inside) < len(near)
    return _scan(text, published, start, end, future) if crossing else inside


@functools.lru_cache(maxsize=64)
def _whole(text: str, published: date | None, future: bool) -> ByStart[DateMention]:
    found = _resolve_all(_candidates(text), published, future)
    return ByStart(found, lambda m: (m.start, m.end))


@functools.lru_cache(maxsize=16)
def _candidates(text: str) -> tuple[tuple[str, re.Match[str], date | None], ...]:
    """Every match of every date pattern in the whole text, read once whatever the tense."""
    return tuple(_find(text, 0, len(text)))


def _find(text: str, start: int, end: int) -> list[tuple[str, re.Match[str], date | None]]:
    """``(kind, match, named date)`` for each pattern's matches, named dates first."""
    found: list[tuple[str, re.Match[str], date | None]] = [
        ("named", match, when)
        for pattern, when in _named()
        for match in pattern.finditer(text, start, end)
    ]
    month_day: list[re.Match[str]] | None = None
    for kind, pattern in _PATTERNS:
        if pattern is _MONTH_DAY:
            if month_day is None:
                month_day = _ANCHORED[_MONTH_DAY].finditer(text, start, end)
            with_year = kind == "mdy"
            found.extend(
                (kind, m, None) for m in month_day if (m["with_year"] is not None) == with_year
            )
        else:
            anchored = _ANCHORED.get(pattern)
            matches = (
                anchored.finditer(text, start, end)
                if anchored is not None
                else pattern.finditer(text, start, end)
            )
            found.extend((kind, match, None) for match in matches)
    return found


def _scan(
    text: str, published: date | None, start: int, end: int, future: bool
) -> list[DateMention]:
    return _resolve_all(_find(text, start, end), published, future)


def _resolve_all(
    candidates: Iterable[tuple[str, re.Match[str], date | None]],
    published: date | None,
    future: bool,
) -> list[DateMention]:
    """Resolve matches in order; a match overlapping one already resolved is skipped."""
    taken = Spans()
    found: list[DateMention] = []
    for kind, match, when in candidates:
        if kind == "named":
            if when is not None and (published is None or published >= when):
                found.append(DateMention(match.start(), match.end(), when, "day"))
                taken.add(*match.span())
            continue
        if taken.overlaps(*match.span()):
            continue
        mention = _resolve(kind, match, published, future)
        if mention is not None:
            found.append(mention)
            taken.add(min(mention.start, match.start()), match.end())
    return sorted(found, key=lambda m: m.start)


def _resolve(
    kind: str, m: re.Match[str], published: date | None, future: bool
) -> DateMention | None:
    try:
        if kind == "iso":
            return DateMention(m.start(), m.end(), date.fromisoformat(m["iso"]), "day")
        if kind == "numeric":
            first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
            day, month = (second, first) if second > 12 >= first else (first, second)
            return DateMention(m.start(), m.end(), date(year, month, day), "day")
        if kind in ("dmy", "mdy"):
            when = date(int(m["year"]), _MONTH_NAMES[m["month"].lower()], int(m["day"]))
            return DateMention(m.start(), m.end(), when, "day")
    except ValueError:
        return None
    if kind in ("dm", "md"):
        return _month_day(m, published, future)
    if kind == "ordinal":
        day = _ORDINALS[re.sub(r"[\s-]+", "-", m["ordinal"].lower())]
        when = _day_of_year(_MONTH_NAMES[m["month"].lower()], day, published, future)
        return DateMention(m.start(), m.end(), when, "day") if when else None
    if kind == "paren":
        when = _day_of_year(int(m["month"]), int(m["day"]), published, future)
        weekday = _WEEKDAY_BEFORE.search(m.string, max(0, m.start() - 14), m.start())
        start = weekday.start() if weekday else m.start()
        return DateMention(start, m.end(), when, "day") if when else None
    if kind == "dotted":
        if not _DATE_PREPOSITION.search(m.string, max(0, m.start() - 8), m.start()):
            return None
        when = _day_of_year(int(m["month"]), int(m["day"]), published, future)
        return DateMention(m.start("day"), m.end(), when, "day") if when else None
    if kind == "month":
        return _month(m, published, future)
    if kind == "year":
        return DateMention(m.start("year"), m.end(), date(int(m["year"]), 1, 1), "year")
    if published is None:
        return None
    if kind == "weekday":
        return _weekday(m, published, future)
    return _relative(m, published)


def _month_day(m: re.Match[str], published: date | None, future: bool) -> DateMention | None:
    month_word = m["month"]
    if month_word.lower() in _FALSE_MONTHS and not month_word[0].isupper():
        return None
    chosen = _day_of_year(_MONTH_NAMES[month_word.lower()], int(m["day"]), published, future)
    return DateMention(m.start(), m.end(), chosen, "day") if chosen else None


def _day_of_year(month: int, day: int, published: date | None, future: bool) -> date | None:
    """A day and month with no year: the nearest before publication (after, if ``future``)."""
    if published is None:
        return None
    candidates = [
        date(year, month, day)
        for year in (published.year - 1, published.year, published.year + 1)
        if _valid(year, month, day)
    ]
    past = max((c for c in candidates if c <= published), default=None)
    ahead = min((c for c in candidates if c >= published), default=None)
    if ahead is None or past is None:
        return ahead or past
    # A scheduled step a few weeks past is meant before one almost a year away: "could harm
    # the talks after the killing on 2 January", read on 13 January, is 2 January that year.
    if future:
        return past if (ahead - published).days > 180 and (published - past).days <= 60 else ahead
    return past


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _month(m: re.Match[str], published: date | None, future: bool) -> DateMention | None:
    word = m["month"]
    if not word[0].isupper() or len(word) < 3:
        return None
    preposition = re.search(
        r"\b(?:in|since|until|by|from|of)\s+$",
        m.string[max(0, m.start() - 7) : m.start()],
        re.I,
    )
    if word.lower() in _FALSE_MONTHS and not (m["year"] or m["edge"] or preposition):
        return None  # "May" and "March" are usually the verb and the noun
    month = _MONTH_NAMES[word.lower()]
    if m["year"]:
        year = int(m["year"])
    elif published is None:
        return None
    else:
        year = published.year
        if not future and month > published.month:
            year -= 1
        elif future and month < published.month:
            year += 1
    edge = (m["edge"] or "").lower()
    day = calendar.monthrange(year, month)[1] if "end" in edge or "late" in edge else 1
    if "mid" in edge or "middle" in edge:
        day = 15
    return DateMention(m.start(), m.end(), date(year, month, day), "month")


def _weekday(m: re.Match[str], published: date, future: bool) -> DateMention:
    target: weekday = _WEEKDAYS[_DAY_NAMES[m["weekday"].lower()]]
    rel = (m["rel"] or "").lower()
    if rel == "this":
        monday = published - timedelta(days=published.weekday())
        when = monday + timedelta(days=target.weekday)
    elif rel == "last":
        when = published + relativedelta(days=-1, weekday=target(-1))
    elif rel == "next":
        when = published + relativedelta(days=+1, weekday=target(+1))
    elif future or rel in ("by", "until"):
        when = published + relativedelta(weekday=target(+1))
    else:
        when = published + relativedelta(weekday=target(-1))
    start = m.start("rel") if m["rel"] else m.start("weekday")
    return DateMention(start, m.end(), when, "day")


def _relative(m: re.Match[str], published: date) -> DateMention:
    rel = " ".join(m["rel"].lower().split())
    approximate = False
    precision = "day"
    if rel in (
        "yesterday",
        "last night",
        "the day before",
        "a day earlier",
        "a day before",
    ):
        when = published - timedelta(days=1)
    elif rel == "tomorrow":
        when = published + timedelta(days=1)
    elif rel == "last week":
        when, approximate = published - timedelta(days=7), True
    elif rel == "next week":
        when, approximate = published + timedelta(days=7), True
    elif rel.startswith("earlier"):
        when, approximate = published - timedelta(days=published.weekday()), True
        if when == published:
            when = published - timedelta(days=1)
    elif rel.startswith("later") or rel == "this week":
        when, approximate = published, True
    elif rel == "last month":
        when, precision = (
            (published.replace(day=1) - timedelta(days=1)).replace(day=1),
            "month",
        )
    elif rel == "next month":
        when, precision = (
            (published.replace(day=28) + timedelta(days=4)).replace(day=1),
            "month",
        )
    elif rel == "this month":
        when, precision = published.replace(day=1), "month"
    else:
        when = published
    return DateMention(m.start(), m.end(), when, precision, approximate)
