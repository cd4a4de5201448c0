"""Scoring extracted records against gold annotations written by reading the articles.

Matching rules (see ``data/gold/README.md``): figures match on article, measure, low and high;
actors on article and canonical name; events on article, stage, date and place. Each gold
item matches at most one extracted record.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Item = dict[str, Any]


class GoldError(ValueError):
    """A gold file is missing or malformed; the message names the file."""


@dataclass
class Score:
    """Precision, recall and F1 of one record type, with the misses and false positives."""

    kind: str
    true_positives: int = 0
    false_positives: list[Item] = field(default_factory=list)
    misses: list[Item] = field(default_factory=list)
    attributes: dict[str, tuple[int, int]] = field(default_factory=dict)
    disagreements: list[tuple[str, Item, Item]] = field(default_factory=list)
    """``(attribute, gold item, extracted record)`` for each matched pair that differs."""

    @property
    def precision(self) -> float:
        """Share of extracted records that are in the gold."""
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        """Share of gold records that were extracted."""
        wanted = self.true_positives + len(self.misses)
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attribute: str) -> float | None:
        """Share of matched pairs whose ``attribute`` agrees, or None if nothing matched."""
        right, total = self.attributes.get(attribute, (0, 0))
        return right / total if total else None


_KEYS: dict[str, Callable[[Item], tuple]] = {
    "figures": lambda r: (r["article"], r["measure"], float(r["low"]), float(r["high"])),
    "actors": lambda r: (r["article"], r["name"]),
    "events": lambda r: (r["article"], r["stage"], r.get("date"), r.get("place")),
}
_ATTRIBUTES = {
    "figures": ("qualifier", "status", "attribution", "scope", "as_of"),
    "actors": ("role", "kind"),
    "events": ("modality",),
}
_TYPES = {"figures": "figure", "actors": "actor", "events": "event"}


@dataclass
class Gold:
    """Gold items by record kind (``figures``, ``actors``, ``events``) and the articles covered."""

    items: dict[str, list[Item]]
    articles: set[str]


def read_gold(directory: str | Path, articles: Iterable[str] | None = None) -> Gold:
    """Read ``<id>.json`` gold files; return their items with ``article`` set on each."""
    directory = Path(directory)
    if not directory.is_dir():
        raise GoldError(f"{directory}: gold folder not found")
    wanted = set(articles) if articles is not None else None
    gold: dict[str, list[Item]] = {kind: [] for kind in _KEYS}
    covered: set[str] = set()
    for path in sorted(directory.glob("*.json")):
        if wanted is not None and path.stem not in wanted:
            continue
        try:
            data = strict_json(path.read_text(encoding="utf-8"))
        except (ValueError, RecursionError) as exc:
            raise GoldError(f"{path}: not valid JSON ({_first_line(exc)})") from None
        if not isinstance(data, dict):
            raise GoldError(f"{path}: expected a JSON object")
        article = data.get("article", path.stem)
        covered.add(article)
        for kind in _KEYS:
            items = data.get(kind, [])
            if not isinstance(items, list):
                raise GoldError(f"{path}: {kind!r} must be a list")
            for number, item in enumerate(items, start=1):
                _check_item(path, kind, number, item)
            gold[kind].extend({**item, "article": article} for item in items)
        # A file without a kind is unfinished, not an article with none of it: scoring it
        # would count every record extracted as false and none as missed.
        missing = [kind for kind in _KEYS if kind not in data]
        if missing:
            raise GoldError(
                f"{path}: no {', '.join(repr(k) for k in missing)} list"
                f' (write "{missing[0]}": [] for an article with none)'
            )
    return Gold(gold, covered)


def strict_json(text: str) -> Any:
    """Parse JSON as the standard has it: ``NaN`` and ``Infinity`` are refused, not numbers."""
    return json.loads(text, parse_constant=_not_a_number, parse_float=_finite)


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"{text[:20]} is too large to be a count")
    return value


def _not_a_number(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number; write the count as digits")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


_REQUIRED = {"figures": ("measure", "low", "high"), "actors": ("name",), "events": ("stage",)}


def _check_item(path: Path, kind: str, number: int, item: object) -> None:
    """Refuse a gold item that cannot be matched, naming the file and the item."""
    where = f"{path}: {kind} item {number}"
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected an object")
    missing = [key for key in _REQUIRED[kind] if key not in item]
    if missing:
        raise GoldError(f"{where}: missing {', '.join(missing)}")
    if kind == "figures":
        for key in ("low", "high"):
            if isinstance(item[key], bool) or not isinstance(item[key], (int, float)):
                raise GoldError(f"{where}: {key} must be a number, not {item[key]!r}")


def score(kind: str, gold: list[Item], found: list[Item]) -> Score:
    """Match ``found`` records of one kind against ``gold`` and score them."""
    key = _KEYS[kind]
    result = Score(kind)
    pool: dict[tuple, list[Item]] = {}
    for item in gold:
        pool.setdefault(key(item), []).append(item)
    counts = Counter({k: len(v) for k, v in pool.items()})
    pairs = []
    for record in found:
        k = key(record)
        if counts[k] > 0:
            gold_item = pool[k][len(pool[k]) - counts[k]]
            counts[k] -= 1
            pairs.append((gold_item, record))
        else:
            result.false_positives.append(record)
    result.true_positives = len(pairs)
    for k, remaining in counts.items():
        if remaining:
            result.misses.extend(pool[k][len(pool[k]) - remaining :])
    for attribute in _ATTRIBUTES[kind]:
        judged = [(g, r) for g, r in pairs if attribute in g]
        wrong = [(attribute, g, r) for g, r in judged if g.get(attribute) != r.get(attribute)]
        result.attributes[attribute] = (len(judged) - len(wrong), len(judged))
        result.disagreements.extend(wrong)
    return result


def evaluate(records: Iterable[Item], gold: Gold) -> dict[str, Score]:
    """Score extracted records (contract dicts) against gold, for every record kind.

    Only articles that were extracted and have a gold file are scored.
    """
    records = list(records)
    extracted = {r["article"] for r in records if r.get("type") == "article"}
    scored = extracted & gold.articles
    if extracted and not scored:
        raise GoldError(
            "no gold annotations for any of these articles; use --gold FOLDER for their gold"
        )
    out = {}
    for kind, type_name in _TYPES.items():
        found = [r for r in records if r.get("type") == type_name and r["article"] in scored]
        out[kind] = score(kind, [g for g in gold.items[kind] if g["article"] in scored], found)
    return out


def format_report(scores: dict[str, Score], details: bool = True) -> str:
    """A readable report: scores per kind, then misses, false positives and disagreements.

    A disagreement is an attribute (qualifier, source, role...) of a matched item that
    differs from the gold.
    """
    lines = []
    for kind, result in scores.items():
        accuracies = ", ".join(
            f"{a} {result.accuracy(a):.2f}"
            for a in result.attributes
            if result.accuracy(a) is not None
        )
        lines.append(
            f"{kind:8} P {result.precision:.3f}  R {result.recall:.3f}  F1 {result.f1:.3f}"
            f"  (matched {result.true_positives}, missed {len(result.misses)},"
            f" false {len(result.false_positives)})"
            + (f"  accuracy: {accuracies}" if accuracies else "")
        )
    if details:
        for kind, result in scores.items():
            for label, items in (
                ("missed", result.misses),
                ("false positive", result.false_positives),
            ):
                for item in items:
                    lines.append(f"  {kind} {label}: {_describe(kind, item)}")
            for attribute, gold_item, record in result.disagreements:
                lines.append(
                    f"  {kind} {attribute}: {_describe(kind, gold_item)}"
                    f" gold {gold_item.get(attribute)!r}, extracted {record.get(attribute)!r}"
                )
    return "\n".join(lines)


def _describe(kind: str, item: Item) -> str:
    if kind == "figures":
        return (
            f"{item['article']} {item['measure']} {item['low']}-{item['high']}"
            f" {item.get('text', '')!r}"
        )
    if kind == "actors":
        return f"{item['article']} {item['name']} ({item.get('role')})"
    return (
        f"{item['article']} {item['stage']} {item.get('date')} {item.get('place')}"
        f" {item.get('text', '')[:70]!r}"
    )
