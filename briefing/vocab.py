"""Loading the analyst-editable vocabularies in ``data/`` once per process."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

from briefing import config


class VocabularyError(ValueError):
    """A vocabulary file is missing or malformed."""


@functools.cache
def load_yaml(name: str, directory: Path | None = None) -> Any:
    """Return the parsed YAML file ``name`` from ``data/cues`` (or ``directory``)."""
    path = (directory or config.CUES_DIR) / name
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as exc:
        raise VocabularyError(f"{path}: vocabulary file not found") from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML ({exc.__class__.__name__})") from exc


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
