"""Loading the analyst-editable vocabularies in ``data/`` once per process."""

from __future__ import annotations

import functools
import re
import string
from pathlib import Path
from typing import Any

import yaml

from briefing import config


class VocabularyError(ValueError):
    """A vocabulary file is missing or malformed."""


_BOOL = "tag:yaml.org,2002:bool"


class WordsLoader(yaml.SafeLoader):
    """Safe YAML in which only ``true`` and ``false`` are booleans.

    YAML 1.1 reads an unquoted ``no``, ``yes``, ``on`` or ``off`` as a boolean, so a word
    list such as ``[not, no, never]`` or a language code ``no`` (Norwegian) would silently
    lose the word. Here they stay strings, as an analyst editing a word list expects.
    """


WordsLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
WordsLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _FastWordsLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """:class:`WordsLoader`'s reading, parsed by libyaml where PyYAML has it (its wheels do).

    The vocabularies and the gazetteer are read at every start: libyaml parses them several
    times faster than the pure-Python parser. Loaders that change how nodes are composed (the
    front matter's, which refuses aliases) subclass :class:`WordsLoader` instead.
    """


_FastWordsLoader.yaml_implicit_resolvers = WordsLoader.yaml_implicit_resolvers


def read_yaml(text: str, loader: type | None = None) -> Any:
    """Parse ``text`` with :class:`WordsLoader`'s rules (or with ``loader``, a subclass of it)."""
    # both are safe loaders: plain data only
    try:
        if loader is not None or "\t" in text:
            # libyaml accepts tabs where the YAML spec (and the pure-Python parser) does not:
            # a file with a tab is read as `briefing check` has always read it
            return yaml.load(text, Loader=loader or WordsLoader)
        try:
            return yaml.load(text, Loader=_FastWordsLoader)
        except yaml.YAMLError:
            # read again by the pure-Python parser, whose errors name the line and the
            # problem as the messages of `briefing check` expect
            return yaml.load(text, Loader=WordsLoader)
    except (ValueError, RecursionError) as exc:
        # an impossible date ("2024-02-30"), or nesting too deep to read
        raise yaml.YAMLError(f"{exc.__class__.__name__}: {exc}") from exc


def _words_only(value: Any, where: str) -> None:
    """Raise if a list in a vocabulary holds a boolean or an empty item (``true``, ``-``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            _words_only(item, f"{where}{key}/")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, list | dict):
                _words_only(item, where)
            elif item is None or isinstance(item, bool):
                shown = "an empty item" if item is None else f"{str(item).lower()} (a boolean)"
                raise VocabularyError(f"{where.rstrip('/')}: {shown} in a word list; quote words")


def word_list(data: dict, key: str, name: str, default: tuple[str, ...] = ()) -> list[str]:
    """The list of words under ``key`` in the vocabulary file ``name``, checked.

    A missing key gives ``default``; anything but a list of words (a bare word, a
    ``key: value`` typed inside the list) is a :class:`VocabularyError` naming file and key.
    """
    value = data.get(key)
    if value is None:
        return list(default)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise VocabularyError(f"{config.CUES_DIR / name}: {key}: expected a list of words")
    return value


@functools.cache
def load_yaml(name: str, directory: Path | None = None) -> Any:
    """Return the parsed YAML file ``name`` from ``data/cues`` (or ``directory``).

    A bare ``true``/``false`` or an empty item in a list is reported with the file and the
    key that holds it (quote the word); ``no``, ``yes``, ``on`` and ``off`` stay words.
    """
    path = (directory or config.CUES_DIR) / name
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise VocabularyError(f"{path}: vocabulary file not found") from exc
    except UnicodeDecodeError as exc:
        raise VocabularyError(f"{path}: not UTF-8 text") from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML ({exc.__class__.__name__})") from exc
    _words_only(data, f"{path}: ")
    return data


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """Return the non-comment, non-blank lines of ``data/cues/<name>``."""
    path = config.CUES_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VocabularyError(f"{path}: vocabulary file not found") from exc
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def phrase_pattern(phrases: list[str] | tuple[str, ...], flags: int = re.IGNORECASE) -> str:
    """Return a regex alternation of ``phrases``, longest first, spaces matching any run."""
    ordered = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in ordered]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def starts_with(phrases: list[str] | tuple[str, ...] | set[str], extra: str = "") -> str:
    r"""Return a lookahead for the first characters of ``phrases`` (both cases) and ``extra``.

    Put in front of a long alternation it lets the regex engine skip to the places where a
    phrase can begin instead of trying every alternative at every character; it never
    changes what matches.

    >>> starts_with(["talks", "Ceasefire"], extra=r"\d")
    '(?=[CTct\\d])'
    """
    firsts = {p.strip()[0] for p in phrases if p and p.strip()}
    letters = sorted({c.lower() for c in firsts} | {c.upper() for c in firsts})
    if not letters and not extra:
        return "(?!)"
    return "(?=[" + "".join(re.escape(c) for c in letters) + extra + "])"


# Letters that Python's case-insensitive matching folds onto an ASCII letter.
_FOLDED_EXTRA = "\u0130\u0131\u017f\u212a"


def _folds(char: str) -> str:
    """Every character that matches ``char`` case-insensitively (as ``re.IGNORECASE`` does)."""
    candidates = {char, char.lower(), char.upper(), *_FOLDED_EXTRA, *string.ascii_letters}
    return "".join(sorted(c for c in candidates if re.fullmatch(re.escape(char), c, re.I)))


def word_pattern(phrases: list[str] | tuple[str, ...] | set[str]) -> str:
    r"""A pattern for ``phrases`` as whole words, case-insensitive, that the engine scans fast.

    It matches exactly what ``(?<![\w-])(?:phrase|...)(?![\w-])`` compiled with
    ``re.IGNORECASE`` matches (longest phrase first, spaces matching any run), but it must be
    compiled *without* that flag: it opens with the set of first letters, which lets the
    engine skip through the text to where a phrase can begin.

    >>> [m.group() for m in re.finditer(word_pattern(["talks", "Truce"]), "TALKS; a truce-talks")]
    ['TALKS']
    """
    return first_letters(phrases, edge=r"[\w-]") + r"(?![\w-])"


def first_letters(
    phrases: list[str] | tuple[str, ...] | set[str],
    edge: str = r"\w",
    guard: str = "",
    space: str = r"\s+",
) -> str:
    r"""``phrases`` case-insensitively, opening with the set of their first letters.

    Longest phrase first; each starts where ``edge`` does not come before it (``\w``: like
    ``\b``). The building block of :func:`word_pattern`; compile it without ``re.IGNORECASE``.
    ``guard`` holds case-insensitive lookbehinds tried once the first letter is read, so each
    reaches one character further back: ``(?<!\bthe .)`` for "not after 'the '". ``space``
    is what stands between the words of a phrase (``" "`` for exactly one space).
    """
    firsts, branches = first_letter_parts(phrases, space)
    if not firsts:
        return "(?!)"
    if guard:
        return rf"[{firsts}](?<!{edge}.)(?i:{guard}(?:{branches}))"
    return rf"[{firsts}](?<!{edge}.)(?i:{branches})"


def first_letter_parts(
    phrases: list[str] | tuple[str, ...] | set[str], space: str = r"\s+"
) -> tuple[str, str]:
    """The first letters (escaped, for a set) and the branches that follow, as joined above.

    Each branch opens with a lookbehind on its letter. For a pattern whose alternatives begin
    with other characters too, so that one set opens the whole pattern.
    """
    ordered = sorted({p.strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        words = phrase.split()
        rest = [re.escape(words[0][1:]), *(re.escape(w) for w in words[1:])]
        groups.setdefault(_folds(phrase[0]), []).append(space.join(rest))
    firsts = "".join(sorted({c for key in groups for c in key}))
    branches = "|".join(
        f"(?<=[{re.escape(key)}])(?:{'|'.join(rests)})" for key, rests in groups.items()
    )
    return re.escape(firsts), branches


def word_start(phrases: list[str] | tuple[str, ...] | set[str]) -> str:
    r"""``\b(?:phrase|...)`` case-insensitively, for a pattern compiled without re.IGNORECASE.

    Quick (:func:`first_letters`) when every phrase begins with a word character, which is
    what ``\b`` then means; otherwise the plain form, so any phrase an analyst adds still
    matches as before.
    """
    firsts = [p.strip()[0] for p in phrases if p and p.strip()]
    if all(c.isalnum() or c == "_" for c in firsts):
        return first_letters(phrases)
    return rf"\b(?i:{phrase_pattern(list(phrases))})"
