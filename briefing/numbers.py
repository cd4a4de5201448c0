"""Numerals in text: separators, number words, ranges, qualifiers and vague amounts.

:func:`find_quantities` turns text into :class:`Quantity` spans. It knows nothing of what is
counted; :mod:`briefing.figures` decides that. Dates, ordinals, clock times, ages, money,
percentages and labels such as "Resolution 2735" are recognised here and left out.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from text_to_num import text2num

from briefing.anchored import WordSet, inside_word
from briefing.vocab import load_yaml, phrase_pattern, starts_with, word_start

MAX_COUNT = 10_000_000_000
"""Larger numbers (IDs, noise, "10^400") are not counts of people, days or trucks."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number, range or vague amount found in text.

    ``start``/``end`` cover the whole surface, qualifier included ("more than 1,160");
    ``num_start``/``num_end`` only the number or range. ``unit`` is set for compounds such as
    "six-week" (``"week"``).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    low: float
    high: float
    qualifier: str
    unit: str | None = None
    vague: bool = False


_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = "hundred thousand million billion".split()
_WORD = r"(?:" + "|".join(_SMALL + _TENS + _SCALES + ["dozen"]) + r")"
# Where a number can begin: a digit, a number word, "a"/"an"/"half" or "between"/"from".
_NUMBER_START = starts_with(
    [*_SMALL, *_TENS, *_SCALES, "dozen", "a", "half", "between", "from"], r"\d"
)
_WORDS = (
    r"(?:an?(?=\s+(?:day|week|month|year|fortnight)\b(?!-long\b)))|"
    rf"(?:(?:half\s+)?an?\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?{_WORD}"
    rf"(?:(?:\s+|-|(?<=hundred)\s+and\s+){_WORD})*"
)


_SCALE = {
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
}
"""Scale words after digits, as written in full and in newsroom shorthand ("1.5m", "40k")."""
_SCALE_WORDS = r"(?:thousands?|millions?|billions?|mln|mn|bn)"


def _number(prefix: str = "") -> str:
    """Regex for one number; group names carry ``prefix`` so a range can hold two."""
    digits = (
        rf"\d{{1,3}}(?P<{prefix}sep>[,.٬\u202f'’ ])\d{{3}}(?!\d)(?:(?P={prefix}sep)\d{{3}}(?!\d))*"
        r"|\d+(?:[.,٫]\d+)?"
    )
    scale = (
        rf"(?:(?:\s+(?={_SCALE_WORDS}\b)|(?=[km]\s+[a-z]))"  # "2 million", "1.5m people"
        rf"(?P<{prefix}scale>{_SCALE_WORDS}|[km])\b)?"
    )
    return rf"(?:(?P<{prefix}digits>{digits}){scale}|(?P<{prefix}words>\b{_WORDS}\b))"


_UNITS = {
    "day": 1,
    "week": 7,
    "month": 30,
    "year": 365,
    "hour": 1 / 24,
    "phase": 1,
    "stage": 1,
}
_COMPOUND = re.compile(r"-(?P<unit>day|week|month|year|hour|phase|stage)s?\b(?![-\s]old\b)", re.I)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_NOT_BEFORE = re.compile(
    rf"(?:[$€£¥₪]\s*|US\s*\$\s*|{_MONTHS}\s+|[A-Za-z]-|#\s*|"
    r"\d[-–/⁄]|\d[eE][-+]?|"  # the tail of a code, date or fraction: "2024-13-45", "1E+22"
    r"\b(?:Resolution|Article|No|Nos|Number|Chapter|Section|Page|Route|Gate|Phase|Stage|"
    r"Room|Flight|Channel|Unit|Brigade|Division|Highway|Covid|COVID|Kan|i24|Apollo|F)\s+|"
    r"\b(?:men|women|people|those|aged|ages?|children|boys|girls|males|females|minors|"
    r"teenagers|youths|anyone)\s+(?:over|under|above|below|of)\s+|"
    r"\b(?:aged|age|ages)\s+|"
    r"\b[A-Z][a-z]+,\s*)$"
)
_DATE_DAY_BEFORE = re.compile(rf"{_MONTHS}\s+$", re.I)
"""Before a day of the month: a number after it is not grouped with the next by a space."""
_PLACE_COMMA = re.compile(r"\b[A-Z][a-z]+,\s*$")
_GROUPED = re.compile(r"\d{1,3}(?:([,.٬\u202f'’ ])\d{3})(?:\1\d{3})*")
"""Digits in groups of three: "1,160", "29.514", Arabic "٢٬٥٠٠", "30 000", Swiss "30'000"."""
_AGE_AFTER = re.compile(r"^\s*[,)]")
_TIME_AFTER = re.compile(r"[\s-]+(?i:days?|weeks?|months?|years?|hours?)\b")
"""After a number with a fraction that is still a length: "1.5 months", "2.5-week"."""
_AGE_IN_PARENS = re.compile(r"\d{1,2}\)")
_RATIO = re.compile(
    r"\s+(?:in|out\s+of)\s+(?:ten|\d+|a\s+hundred|every|five|four|three|two)\b", re.I
)
_PHRASAL = re.compile(
    r"\b(?:hand|hands|handed|handing|turn|turned|turning|pass|passed|"
    r"passing|carried|left|fought|argued|talks|dispute|disagreement|control)\s*$",
    re.I,
)
_NOT_AFTER = re.compile(
    rf"^(?:[.:/^⁄]\d|\s*(?:%|percent\b|per\s+cent\b|per\s*cent\b|{_MONTHS}(?!\w)|"
    r"a\.m\.|p\.m\.|am\b|pm\b|GMT\b|o'clock\b|h\d|:\d|"
    r"(?:st|nd|rd|th)\b|"
    r"(?:US\s+)?dollars?\b|euros?\b|shekels?\b|pounds\s+sterling\b|[$€£]|"
    r"years?(?:-|\s+)old\b|-years?-old\b|km\b|kilomet|miles?\b|metres?\b|meters?\b|"
    r"square\b|kg\b|tons?\b|tonnes?\b|degrees?\b)|[A-Za-z]|"
    r"-(?!(?:day|week|month|year|hour|phase|stage|odd|plus)s?\b)[A-Za-z])"  # "20-point plan"
)
_YEAR = re.compile(r"(?:19|20)\d\d$")


@functools.cache
def _qualifier_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    data = load_yaml("qualifiers.yaml")
    lookup: dict[str, str] = {}
    for side in ("prefix", "suffix"):
        for qualifier, phrases in data[side].items():
            for phrase in phrases:
                lookup[f"{side}:{' '.join(phrase.lower().split())}"] = qualifier
    prefixes = [k.split(":", 1)[1] for k in lookup if k.startswith("prefix:")]
    suffixes = [k.split(":", 1)[1] for k in lookup if k.startswith("suffix:")]
    prefix = re.compile(rf"(?<![\w-])(?P<q>{phrase_pattern(prefixes)})\s*$", re.I)
    suffix = re.compile(rf"\s*(?P<q>{phrase_pattern(suffixes)})(?!\w)", re.I)
    return prefix, suffix, lookup


@functools.cache
def _vague_pattern() -> tuple[re.Pattern[str], dict[str, tuple[int, int]]]:
    data = load_yaml("vague.yaml")
    ranges = {" ".join(k.lower().split()): (int(v[0]), int(v[1])) for k, v in data.items()}
    # The same as \b(?P<v>phrase|...)\b(?!-) with re.IGNORECASE, opening with the set of
    # first letters so the engine skips to them (vocab.word_start).
    return re.compile(rf"(?P<v>{word_start(list(ranges))})\b(?!-)"), ranges


# Where a scanner match can begin (a superset; each place is then tried with the scanner): a
# digit, "a" or "an" before a space, or a number word, "half", "between" or "from" opening a
# word.
_DIGIT_START = re.compile(r"\d(?<![\w.,:/^⁄]\d)")
_ARTICLE_START = re.compile(r"[Aa](?<![\w.,:/^][Aa])[Nn]?\s")


@functools.cache
def _number_words() -> WordSet:
    return WordSet([*_SMALL, *_TENS, *_SCALES, "dozen", "half", "between", "from"])


@functools.lru_cache(maxsize=4)
def _number_starts(text: str) -> list[int] | None:
    """Where a scanner match can begin in ``text``; None to scan it plainly."""
    found = _number_words().find(text)
    if found is None:
        return None
    starts = {at for at, _ in found[1] if not inside_word(text, at)}
    starts.update(m.start() for m in _DIGIT_START.finditer(text))
    starts.update(m.start() for m in _ARTICLE_START.finditer(text))
    return sorted(starts)


def _next_number(text: str, position: int, end: int) -> re.Match[str] | None:
    """``_scanner().search(text, position, end)``, tried only where a number can begin."""
    scanner = _scanner()
    starts = _number_starts(text)
    if starts is None:
        return scanner.search(text, position, end)
    for index in range(bisect.bisect_left(starts, position), len(starts)):
        if starts[index] >= end:
            break
        match = scanner.match(text, starts[index], end)
        if match is not None:
            return match
    return None


@functools.cache
def _scanner() -> re.Pattern[str]:
    pattern = (
        rf"(?<![\w.,:/^⁄]){_NUMBER_START}(?:(?P<between>\bbetween|\bfrom)\s+)?{_number()}"
        rf"(?:(?P<joiner>\s*[-–—]\s*|\s+to\s+|\s+and\s+|\s+or\s+){_number('b_')})?"
    )
    return re.compile(pattern, re.I)


def parse_digits(text: str) -> float | None:
    """Return the value of a digit string with thousands separators.

    A comma or a dot followed by exactly three digits groups thousands ("29.514" is 29514,
    as in translated European text); otherwise it is a decimal point.

    >>> parse_digits("29.514"), parse_digits("1,160"), parse_digits("2.5")
    (29514.0, 1160.0, 2.5)
    """
    if _GROUPED.fullmatch(text):
        return float(re.sub(r"[,.٬\u202f'’ ]", "", text))
    try:
        return float(text.replace(",", ".").replace("٫", "."))
    except ValueError:
        return None


def parse_words(text: str) -> float | None:
    """Return the value of number words ("six", "a million", "two dozen", "half a million").

    >>> parse_words("a million"), parse_words("two dozen"), parse_words("twenty-five")
    (1000000.0, 24.0, 25.0)
    """
    words = " ".join(text.lower().replace("-", " ").split())
    if words in ("a", "an"):
        return 1.0  # "a week"
    factor = 1.0
    if words.startswith("half "):
        factor, words = 0.5, words[5:]
    words = re.sub(r"^an? ", "one ", words)
    if words.endswith("dozen"):
        factor *= 12
        words = words[: -len("dozen")].strip() or "one"
    try:
        return factor * float(text2num(words, "en"))
    except ValueError:
        return None


def _value(match: re.Match[str], prefix: str = "") -> float | None:
    digits = match.group(prefix + "digits")
    if digits is not None:
        value = parse_digits(digits)
        scale = match.group(prefix + "scale")
        if value is not None and scale:
            value *= _SCALE[scale.lower()]
        return value
    return parse_words(match.group(prefix + "words"))


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Return every quantity in ``text[start:end]``, in order, without overlaps.

    >>> [(q.low, q.high, q.qualifier) for q in find_quantities("between 500 and 800 people")]
    [(500.0, 800.0, 'range')]
    """
    end = len(text) if end is None else end
    found = _numeric(text, start, end)
    found += _vague(text, start, end)
    found += _one_unit_long(text, start, end)
    found.sort(key=lambda q: (q.start, -q.end))
    result: list[Quantity] = []
    for quantity in found:
        if result and quantity.start < result[-1].end:
            continue
        result.append(quantity)
    return result


def _numeric(text: str, start: int, end: int) -> list[Quantity]:
    """Digits and number words, single or as ranges, less dates, ratios, money and labels."""
    out: list[Quantity] = []
    position = start
    while (match := _next_number(text, position, end)) is not None:
        position = match.end()
        before = text[max(0, match.start() - 40) : match.start()]
        if match.group("sep") == " " and _DATE_DAY_BEFORE.search(before):
            # "on October 6 112 are still held": a date's day, then a count, not 6,112
            position = match.start("digits") + match.group("digits").index(" ")
            continue
        after = text[match.end() : match.end() + 20]
        ratio = _RATIO.match(text, match.end(), end)
        if ratio:
            position = ratio.end()  # "nine in ten", "1 in 3": neither number is a count
            continue
        if _PLACE_COMMA.search(before) and not _AGE_AFTER.match(after):
            before = ""  # "Gaza, 40 people": not an age apposition
        if _NOT_BEFORE.search(before) or (_NOT_AFTER.match(after) and not match.group("joiner")):
            continue
        if _AGE_IN_PARENS.match(text, match.start()) and _after_a_name(before):
            continue  # "Noa Argamani (26)": an age after a name
        quantity, first_only = _build(text, match, start, end)
        if first_only:
            position = _first_end(match)  # "killed 3 and wounded 5": rescan from "and"
        if quantity is not None:
            out.append(quantity)
    return out


_CHANGE_BY = re.compile(r"\bby\s+$", re.I)
"""Before "150 to 30,000" in "rose by 150 to 30,000": a change and a new total, not a range."""


def _after_a_name(before: str) -> bool:
    """Does ``before`` end with a person's name of two words or more and "(" ("Noa Argamani (")?

    "Thailand (10), Nepal (1)" are one-word places with their counts.
    """
    if not before.endswith("("):
        return False
    words = before[:-1].split()[-2:]
    return len(words) == 2 and all(w[:1].isupper() and w[-1:].isalpha() for w in words)


def _shared_scale(match: re.Match[str], low: float) -> float:
    """The low end of a range scaled like the high end: "between 2 and 3 million" is 2 million.

    Only when the low end has no scale of its own and is smaller than the high end's number
    as written ("between 500 and 3 million" keeps 500).
    """
    if match.group("digits") is not None and match.group("b_digits") is not None:
        scale = match.group("b_scale")
        if not scale or match.group("scale"):
            return low
        written = parse_digits(match.group("b_digits"))
        if written is None or low >= written:
            return low
        return low * _SCALE[scale.lower()]
    if match.group("words") is None or match.group("b_words") is None:
        return low
    # "two to three million", "two and three hundred thousand": the high end's first word
    # times its scale words; the low end is scaled alike.
    lead, *scales = match.group("b_words").lower().split()
    if not scales or not set(scales) <= {"hundred", "thousand", "million", "billion", "and"}:
        return low
    if any(word in _SCALES for word in match.group("words").lower().split()):
        return low
    written, high = parse_words(lead), _value(match, "b_")
    if not written or high is None or low >= written:
        return low
    return low * (high / written)


def _first_end(match: re.Match[str]) -> int:
    if match.group("digits") is not None:
        return match.end("scale") if match.group("scale") else match.end("digits")
    return match.end("words")


def _build(text: str, match: re.Match[str], start: int, end: int) -> tuple[Quantity | None, bool]:
    """The quantity of one scanner match, and whether only its first number was used."""
    low = _value(match)
    if low is None or low > MAX_COUNT:
        return None, bool(match.group("joiner"))  # not a count this news reports
    high, num_end, qualifier, first_only = low, match.end(), "exact", False
    if match.group("joiner"):
        second = _value(match, "b_")
        if second is not None and second > MAX_COUNT:
            return None, True  # "between 10 and 10^400": neither end is a count to report
        joiner = match.group("joiner").strip().lower()
        if (
            second is not None
            and second > low
            and (joiner != "and" or match.group("between"))
            and not (
                joiner == "to"
                and _CHANGE_BY.search(text, max(start, match.start() - 4), match.start())
            )
        ):
            high, qualifier = second, "range"
            low = _shared_scale(match, low)
        else:
            num_end, first_only = _first_end(match), True
    digits = match.group("digits") or ""
    if digits[:1] == "0" and digits[1:2].isdigit():
        return None, first_only  # "0001", "007": a code or label, not a count
    if _YEAR.fullmatch(digits) and _is_year(text, match, num_end, start, end, qualifier):
        return None, first_only  # "in 2023", "between 2019 and 2023", not "some 2000 people"
    if (low % 1 or high % 1) and not _TIME_AFTER.match(text, num_end, end):
        return None, first_only  # "27.11" people: a date or a decimal, not a count
    num_start = match.start("digits") if match.group("digits") else match.start("words")
    if match.group("between") and qualifier == "range":
        num_start = match.start("between")
    unit = None
    surface_end = num_end
    compound = _COMPOUND.match(text, num_end, end)
    if compound:
        unit = compound["unit"].lower()
        surface_end = compound.end()
    q_start = num_start
    prefix, suffix, lookup = _qualifier_patterns()
    if qualifier == "exact":
        before = prefix.search(text, max(start, num_start - 30), num_start)
        if before and not _phrasal(text, before, surface_end, start, end):
            qualifier = lookup["prefix:" + " ".join(before["q"].lower().split())]
            q_start = before.start("q")
        elif after := suffix.match(text, surface_end, end):
            qualifier = lookup["suffix:" + " ".join(after["q"].lower().split())]
            surface_end = after.end("q")
    return Quantity(
        q_start, surface_end, num_start, num_end, low, high, qualifier, unit
    ), first_only


def _phrasal(text: str, qualifier: re.Match[str], position: int, start: int, end: int) -> bool:
    """Is the "over" before a number part of a verb ("handed over 33", "took over 30 towns")?"""
    if qualifier["q"].lower() != "over":
        return False
    verb = text[max(start, qualifier.start() - 12) : qualifier.start()]
    if _PHRASAL.search(verb):
        return True
    if re.search(r"\b(?:took|take|takes|taken|taking)\s*$", verb, re.I):
        return not _counted_after(text, position, end, people_only=True)
    return False


def _is_year(
    text: str, match: re.Match[str], num_end: int, start: int, end: int, qualifier: str
) -> bool:
    """A four-digit number from 1900 to 2099 is a year unless it counts something."""
    if qualifier == "range":
        second = match.group("b_digits") or ""
        return bool(_YEAR.fullmatch(second)) and not _counted_after(text, match.end(), end)
    before = text[max(start, match.start() - 12) : match.start()]
    if re.search(r"\b(?:in|since|by|until|from|of|during|early|late|mid|year)\s+$", before, re.I):
        return True
    prefix, _, _ = _qualifier_patterns()
    if prefix.search(text, max(start, match.start() - 30), match.start()):
        return False  # "more than 2000 people"
    return not _counted_after(text, num_end, end)


def _counted_after(text: str, position: int, end: int, people_only: bool = False) -> bool:
    """True if a noun of people or things counted follows ("2000 people", "1948 hostages")."""
    from briefing.cues import cue_set

    word = re.match(r"\s+([A-Za-z][\w-]*)", text[position:end])
    label = cue_set("measures.yaml", "heads").label(word.group(1)) if word else None
    if people_only:
        return label in ("hostage", "prisoner", "person", "death", "injury", "displaced")
    return label is not None


def _vague(text: str, start: int, end: int) -> list[Quantity]:
    pattern, ranges = _vague_pattern()
    out = []
    for match in pattern.finditer(text, start, end):
        low, high = ranges[" ".join(match["v"].lower().split())]
        out.append(
            Quantity(
                match.start(),
                match.end(),
                match.start(),
                match.end(),
                low,
                high,
                "approximately",
                vague=True,
            )
        )
    return out


_UNIT_LONG = re.compile(
    r"(?<![\w-])(?P<unit>(?i:day|week|month|year))-long\s+(?:[\w-]+\s+)?"
    r"(?=(?i:truce|ceasefire|cease-fire|pause|lull|halt|calm|respite|humanitarian|break|phase)\b)"
)
"""A length of one unit with no number, before a truce word: "the week-long truce" (not "a
week-long tour", which says nothing of the negotiations)."""


def _one_unit_long(text: str, start: int, end: int) -> list[Quantity]:
    """One unit of time with no number written: "the week-long truce"."""
    if text.find("-long", start, end) == -1:
        return []
    return [
        Quantity(
            m.start(),
            m.end("unit") + 5,
            m.start(),
            m.end("unit"),
            1.0,
            1.0,
            "exact",
            m["unit"].lower(),
        )
        for m in _UNIT_LONG.finditer(text, start, end)
    ]


def unit_days(unit: str) -> float | None:
    """Days in one ``unit`` ("week" → 7); None for units that are not lengths of time."""
    return (
        _UNITS.get(unit.lower().rstrip("s"))
        if unit.lower().rstrip("s") in ("day", "week", "month", "year", "hour")
        else None
    )
