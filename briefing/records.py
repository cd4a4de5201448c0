"""The record types of the extraction contract and their JSON form.

Each record is a small frozen dataclass; ``to_dict`` gives the contract's JSON object with
``type`` and ``article`` first. Fields beyond the contract are documented where they are
declared and never replace a contract field.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article: its metadata and the size of its cleaned body."""

    type: ClassVar[str] = "article"
    article: str
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str
    chars: int
    sentences: int
    # Beyond the contract: where the metadata came from.
    original_language: str | None = None
    url: str | None = None
    agency: str | None = None
    dateline_place: str | None = None


@dataclass(frozen=True, slots=True)
class FigureRecord:
    """One reported figure, traceable to its words."""

    type: ClassVar[str] = "figure"
    article: str
    measure: str
    low: float
    high: float
    qualifier: str
    unit: str
    group: str | None
    status: str
    scope: str | None
    attribution: str | None
    as_of: str | None
    text: str
    start: int
    end: int
    sentence: str
    # Beyond the contract: the sentence's offset, so a reader can highlight it.
    sentence_start: int = 0


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One actor named in one article, with every span that names it."""

    type: ClassVar[str] = "actor"
    article: str
    name: str
    kind: str
    affiliation: str | None
    role: str
    mentions: int
    spans: list[list[int]] = field(default_factory=list)
    # Beyond the contract: false for a name the gazetteer does not know.
    known: bool = True


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One negotiation event: a stage of the talks, when, where and who."""

    type: ClassVar[str] = "event"
    article: str
    stage: str
    modality: str
    cameo: str | None
    date: str | None
    date_precision: str | None
    place: str | None
    actors: list[str]
    text: str
    start: int
    end: int
    # Beyond the contract: the word that signalled the stage.
    trigger: str | None = None


Record = ArticleRecord | FigureRecord | ActorRecord | EventRecord


def to_dict(record: Record) -> dict[str, Any]:
    """Return the contract's JSON object for ``record``, ``type`` first.

    Like ``dataclasses.asdict`` (lists are copied, so the dict can be changed freely) but
    several times quicker, which counts when a ledger has millions of records.
    """
    out: dict[str, Any] = {"type": record.type}
    for name in _field_names(type(record)):
        value = getattr(record, name)
        if isinstance(value, list):
            value = [list(item) if isinstance(item, list) else item for item in value]
        out[name] = value
    return out


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def to_json(record: Record) -> str:
    """Return one JSON Lines line (without the newline) for ``record``."""
    return json.dumps(to_dict(record), ensure_ascii=False)
