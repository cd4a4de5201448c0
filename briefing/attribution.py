"""Who a sentence says a figure comes from ("according to the enclave's Ministry of Health")."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from briefing.vocab import load_yaml, phrase_pattern

SourceResolver = Callable[[str], "str | None"]
"""Maps a source phrase ("the enclave's Ministry of Health") to a canonical actor name."""


def attribution(
    text: str, sentence: tuple[int, int], position: int, resolve_source: SourceResolver | None
) -> str | None:
    """The source of a figure at ``position``: a canonical actor name, or the phrase as written.

    Phrases such as "an AFP count based on official Israeli figures" are kept as written
    (without the article), since the count, not the agency, is the source.
    """
    phrase = find_source(text, sentence, position)
    if phrase is None:
        return None
    keep = load_yaml("attribution.yaml")["keep_as_written"]
    cleaned = re.sub(r"^(?:the|an?|its|their)\s+", "", phrase.strip(" ,.;:"), flags=re.I)
    if any(re.search(rf"\b{re.escape(k)}\b", cleaned, re.I) for k in keep):
        return cleaned
    if resolve_source:
        name = resolve_source(phrase.strip(" ,.;:")) or resolve_source(cleaned)
        if name:
            return name
    return cleaned or None


@functools.cache
def _attribution_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_yaml("attribution.yaml")
    before = re.compile(
        rf"\b(?:{phrase_pattern(data['before'])})\s+(?P<src>[^,;.()“”\"]+?)(?=\s*(?:[,;.()“”\"]|$|\s+(?:that|which|who|show|shows)\b))",
        re.I,
    )
    verbs = phrase_pattern(data["verbs"])
    subject = re.compile(
        rf"(?:^|[,;“”\"]\s*|\b(?:and|but)\s+)(?P<src>(?:[\w’'-]+\s+){{0,7}}?[\w’'-]+)\s+(?:also\s+|has\s+|have\s+|had\s+)?(?:{verbs})\b",
        re.I,
    )
    inverted = re.compile(rf"\b(?:{verbs})\s+(?P<src>the\s+[\w’' -]{{3,60}}?)(?=\s*[,.;]|$)", re.I)
    return before, subject, inverted


_NOT_SOURCES = re.compile(
    r"^(?:he|she|it|they|we|i|you|this|that|which|who|and|but|also|there|one|official|officials"
    r"|sources?|media|reports?|police|witnesses|the source)$",
    re.I,
)


_POSSESSIVE = re.compile(
    r"\b(?P<src>(?:an?\s+|the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)(?:’s?|'s?)?\s+"
    r"(?:latest\s+|own\s+|official\s+)?(?:count|tally|figures|estimate|data|toll)\b"
)
_COUNTED_NOUNS = {"hostages", "people", "palestinians", "prisoners", "israelis", "civilians"}


def find_source(text: str, sentence: tuple[int, int], position: int) -> str | None:
    """Return the phrase that the sentence gives as the source of a figure at ``position``."""
    before, subject, inverted = _attribution_patterns()
    s_start, s_end = sentence
    sentence_text = text[s_start:s_end]
    position -= s_start
    candidates: list[tuple[int, int, str]] = []  # (start, end, phrase) within the sentence
    for match in before.finditer(sentence_text):
        candidates.append((match.start("src"), match.end("src"), match["src"]))
    for match in subject.finditer(sentence_text):
        src = match["src"].strip()
        if (
            _NOT_SOURCES.match(src)
            or re.search(r"\d", src)
            or src.split()[-1].lower() in _COUNTED_NOUNS
        ):
            continue
        if src[0].islower() and not re.match(r"(?:the|an?)\s", src, re.I):
            continue
        candidates.append((match.start("src"), match.end("src"), src))
    for match in inverted.finditer(sentence_text):
        candidates.append((match.start("src"), match.end("src"), match["src"]))
    for match in _POSSESSIVE.finditer(sentence_text):
        if not any(a < match.end("src") and match.start("src") < b for a, b, _ in candidates):
            candidates.append((match.start("src"), match.end("src"), match["src"]))
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c[0] - position))[2]
