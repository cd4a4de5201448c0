"""Validating what an analyst edits: the catalog, the gazetteer and places, the gold files.

Unlike the readers, which stop at the first problem, every function here returns every
problem it finds, one line each, naming the file (and the line or entry) and what is wrong.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from briefing import config
from briefing.catalog import REQUIRED_COLUMNS, CatalogError, _entry
from briefing.corpus import (
    ARTICLES_DIR,
    CATALOG_NAME,
    ORIGINALS_DIR,
    CorpusError,
    article_paths,
    is_ingested,
)
from briefing.evaluate import strict_json
from briefing.gazetteer import KINDS, ROLES, GazetteerError, _parse_actor
from briefing.vocab import read_yaml

# The extraction contract's vocabularies (../shared/extraction-contract.md).
MEASURES = (
    "killed", "injured", "hostages_taken", "hostages_held", "hostages_dead", "hostages_released",
    "prisoners_released", "displaced", "hostages_alive", "remains_returned", "missing",
    "duration", "phases", "aid_trucks", "other",
)  # fmt: skip
QUALIFIERS = ("exact", "at_least", "at_most", "approximately", "range")
STATUSES = ("reported", "demanded", "proposed", "agreed")
SCOPES = ("cumulative", "incident", "period", None)
UNITS = ("people", "days", "trucks", "count")
STAGES = (
    "talks", "demand", "proposal", "counterproposal", "acceptance", "rejection", "agreement",
    "implementation", "extension", "violation", "breakdown",
)  # fmt: skip
MODALITIES = ("actual", "planned", "hypothetical", "negated")
PRECISIONS = ("day", "month", "year", None)


@dataclass(slots=True)
class Report:
    """Every problem found, and what was checked (for the closing line)."""

    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True if no problem was found."""
        return not self.problems


def check(
    corpus: str | Path | None = None,
    gazetteer: str | Path | None = None,
    places: str | Path | None = None,
    gold: str | Path | None = None,
) -> Report:
    """Check a corpus's catalog, the gazetteer and places, and the gold files.

    ``corpus`` defaults to ``seeds/`` with ``data/catalog.csv``; gold defaults to the corpus's
    ``gold/`` folder if it has one, else ``data/gold`` (whose articles are then checked
    against the corpus only for the seeds).
    """
    report = Report()
    if corpus is None:
        catalog, folder = config.CATALOG_PATH, config.SEEDS_DIR
    else:
        folder = Path(corpus)
        catalog = folder / CATALOG_NAME
    ids = _check_corpus(report, folder, catalog)
    _check_gazetteer(report, gazetteer, places)
    stages = config.CUES_DIR / "stages.yaml"
    report.problems += check_stages(stages)
    report.checked.append(f"stage cues {stages}")
    own_gold = folder / "gold"
    if gold is None:
        gold = own_gold if own_gold.is_dir() else config.GOLD_DIR
    belongs = corpus is None or Path(gold) == own_gold
    report.problems += check_gold(Path(gold), ids if belongs else None)
    report.checked.append(f"gold {gold}")
    return report


def _check_corpus(report: Report, folder: Path, catalog: Path) -> set[str] | None:
    """Catalog rows against article files; returns the catalog's ids (None if unreadable)."""
    problems, ids = check_catalog(catalog)
    report.problems += problems
    try:
        paths = article_paths(folder)
    except CorpusError as exc:
        report.problems.append(str(exc))
        paths = []
    stems = {p.stem for p in paths}
    where = folder / ARTICLES_DIR if is_ingested(folder) else folder
    if ids is not None:
        report.problems += [
            f"{catalog}: {i}: no article file in {where}" for i in sorted(ids - stems)
        ]
        report.problems += [f"{where / s}.txt: no row in {catalog}" for s in sorted(stems - ids)]
    if is_ingested(folder):
        report.problems += check_ingested(folder, ids or set())
    report.checked.append(f"catalog {catalog} ({len(ids or ())} rows, {len(paths)} article files)")
    return ids


def check_catalog(path: Path) -> tuple[list[str], set[str] | None]:
    """Every problem of a catalog CSV, and its ids (None if it cannot be read at all)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = reader.fieldnames or []
            rows = [(reader.line_num, row) for row in reader]
    except FileNotFoundError:
        return [f"{path}: catalog not found"], None
    except UnicodeDecodeError:
        return [f"{path}: not UTF-8 text"], None
    except csv.Error as exc:
        return [f"{path}: not a valid CSV file ({exc})"], None
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    problems = [f"{path}: missing column(s): {', '.join(missing)}"] if missing else []
    seen: Counter[str] = Counter()
    for line, row in rows:
        where = f"{path}: line {line}"
        if raw_id := (row.get("id") or "").strip():
            seen[raw_id] += 1
            if seen[raw_id] == 2:
                problems.append(f"{where}: duplicate id {raw_id!r}")
        try:
            entry = _entry(row, where)
        except CatalogError as exc:
            problems.append(str(exc))
            continue
        if entry.original_language and not re.fullmatch(r"[a-z]{2,3}", entry.original_language):
            problems.append(
                f"{where}: original_language {entry.original_language!r} is not an ISO 639 code"
            )
        if entry.url and not re.match(r"https?://\S+$", entry.url):
            problems.append(f"{where}: url {entry.url!r} is not an http(s) address")
    return problems, set(seen)


def check_ingested(folder: Path, ids: set[str]) -> list[str]:
    """Problems of an ingested corpus's layout: missing originals, links leading out of it."""
    problems = []
    originals = {p.stem for p in (folder / ORIGINALS_DIR).glob("*")}
    problems += [
        f"{folder / ORIGINALS_DIR}: no original file for {i}" for i in sorted(ids - originals)
    ]
    top = folder.resolve()
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and not path.resolve().is_relative_to(top):
            problems.append(f"{path}: symlink points outside the corpus {folder}")
    return problems


def _check_gazetteer(
    report: Report, gazetteer: str | Path | None, places: str | Path | None
) -> None:
    path = Path(gazetteer or config.GAZETTEER_PATH)
    places_path = Path(places or config.PLACES_PATH)
    problems, actors = check_gazetteer(path)
    place_problems, place_names = check_places(places_path)
    report.problems += problems + place_problems
    report.checked.append(f"gazetteer {path} ({len(actors or ())} actors)")
    report.checked.append(f"places {places_path} ({len(place_names or ())} places)")


def _yaml_list(path: Path) -> tuple[list[Any] | None, str | None]:
    try:
        data = read_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None, f"{path}: file not found"
    except UnicodeDecodeError:
        return None, f"{path}: not UTF-8 text"
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        return None, f"{path}: not valid YAML ({where}{getattr(exc, 'problem', None) or exc})"
    if not isinstance(data, list):
        return None, f"{path}: expected a list of entries"
    return data, None


def check_gazetteer(path: Path) -> tuple[list[str], set[str] | None]:
    """Every problem of the gazetteer file, and its canonical names (None if unreadable)."""
    data, problem = _yaml_list(path)
    if data is None:
        return [problem or f"{path}: unreadable"], None
    problems: list[str] = []
    actors = {}
    for index, entry in enumerate(data, 1):
        where = f"{path}: entry {index}"
        try:
            actor, _ = _parse_actor(entry, where)
        except GazetteerError as exc:
            problems.append(str(exc))
            continue
        if actor.name in actors:
            problems.append(f"{where}: duplicate name {actor.name!r}")
        actors.setdefault(actor.name, actor)
    for actor in actors.values():
        if actor.affiliation and actor.affiliation not in actors:
            problems.append(
                f"{path}: {actor.name}: affiliation {actor.affiliation!r} is not an entry"
            )
    owners: dict[str, set[str]] = {}
    for actor in actors.values():
        for alias in {actor.name, *actor.aliases}:
            owners.setdefault(alias, set()).add(actor.name)
    for alias, names in sorted(owners.items()):
        if len(names) > 1:
            problems.append(
                f"{path}: alias {alias!r} names several actors: {', '.join(sorted(names))}"
            )
    return problems, set(actors)


def check_places(path: Path) -> tuple[list[str], set[str] | None]:
    """Every problem of the places file, and its place names (None if unreadable)."""
    data, problem = _yaml_list(path)
    if data is None:
        return [problem or f"{path}: unreadable"], None
    problems: list[str] = []
    names: Counter[str] = Counter()
    for index, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not entry.get("name"):
            problems.append(f"{path}: entry {index}: every place needs a name")
            continue
        names[str(entry["name"])] += 1
        if names[str(entry["name"])] == 2:
            problems.append(f"{path}: entry {index}: duplicate place {entry['name']!r}")
    return problems, set(names)


_SPLIT_LEADS = {"which", "that", "who", "whose", "and", "or", "but"}


def check_stages(path: Path) -> list[str]:
    """Stage cue entries that look like a phrase a comma split in two.

    In a YAML list a comma ends an entry, so "truce, which began" becomes the trigger "truce"
    (every truce mentioned would make an event) and "which began". An entry that opens with
    "which", "and" and the like, or a lone negotiation noun among another stage's verbs, is
    reported.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [f"{path}: unreadable ({str(exc).splitlines()[0]})"]
    if not isinstance(data, dict) or not isinstance(data.get("stages"), dict):
        return [f"{path}: no 'stages' mapping"]
    objects = {str(o).lower() for o in data.get("negotiation_objects") or []}
    problems = []
    for stage, spec in data["stages"].items():
        for kind in ("verbs", "nouns"):
            for entry in (spec or {}).get(kind) or []:
                words = str(entry).lower().split()
                if not words:
                    continue
                if words[0] in _SPLIT_LEADS:
                    problems.append(
                        f"{path}: {stage} {kind}: {entry!r} opens with {words[0]!r}; "
                        "was a phrase split at a comma? (write it without the comma)"
                    )
                lone = kind == "verbs" and len(words) == 1 and words[0] in objects
                if lone and words[0].rstrip("s") != stage:
                    problems.append(
                        f"{path}: {stage} verbs: {entry!r} alone would make every mention of "
                        "it an event; was a phrase split at a comma?"
                    )
    return problems


def check_gold(directory: Path, articles: set[str] | None = None) -> list[str]:
    """Every problem of the ``<id>.json`` gold files in ``directory``.

    Values are checked against the contract's vocabularies, and article ids against
    ``articles`` where given. Actor and place names may be ones the gazetteer lacks: gold
    records what the article says, and names to add are found that way.
    """
    if not directory.is_dir():
        return [f"{directory}: gold folder not found"]
    problems: list[str] = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = strict_json(path.read_text(encoding="utf-8"))
        except (ValueError, RecursionError) as exc:
            problems.append(f"{path}: not valid JSON ({str(exc).strip()[:200] or 'too deep'})")
            continue
        if not isinstance(data, dict):
            problems.append(f"{path}: expected a JSON object")
            continue
        article = data.get("article", path.stem)
        if article != path.stem:
            problems.append(f"{path}: article {article!r} differs from the file name")
        if articles is not None and article not in articles:
            problems.append(f"{path}: article {article!r} is not in the corpus")
        for kind, checker in (("figures", _figure), ("actors", _actor), ("events", _event)):
            items = data.get(kind, [])
            if not isinstance(items, list):
                problems.append(f"{path}: {kind!r} must be a list")
                continue
            for index, item in enumerate(items, 1):
                where = f"{path}: {kind} {index}"
                if not isinstance(item, dict):
                    problems.append(f"{where}: expected an object")
                    continue
                problems += [f"{where}: {p}" for p in checker(item)]
    return problems


def _one_of(
    item: dict[str, Any], key: str, allowed: Iterable[Any], required: bool = True
) -> list[str]:
    if key not in item:
        return [f"{key} missing"] if required else []
    if item[key] not in allowed:
        shown = ", ".join("null" if a is None else str(a) for a in allowed)
        return [f"{key} {item[key]!r} is not one of {shown}"]
    return []


def _iso(item: dict[str, Any], key: str) -> list[str]:
    value = item.get(key)
    if value is None:
        return []
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return [f"{key} {value!r} is not an ISO date (YYYY-MM-DD) or null"]
    return []


def _figure(item: dict[str, Any]) -> list[str]:
    problems = _one_of(item, "measure", MEASURES) + _one_of(item, "qualifier", QUALIFIERS)
    problems += _one_of(item, "status", STATUSES, required=False)
    problems += _one_of(item, "scope", SCOPES, required=False)
    problems += _one_of(item, "unit", UNITS, required=False) + _iso(item, "as_of")
    low, high = item.get("low"), item.get("high")
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high)):
        problems.append(f"low and high must be numbers, not {low!r} and {high!r}")
    elif low > high:
        problems.append(f"low {low} is above high {high}")
    return problems


def _actor(item: dict[str, Any]) -> list[str]:
    problems = _one_of(item, "kind", KINDS, required=False)
    problems += _one_of(item, "role", ROLES, required=False)
    return problems + ([] if item.get("name") else ["name missing"])


def _event(item: dict[str, Any]) -> list[str]:
    problems = _one_of(item, "stage", STAGES) + _one_of(item, "modality", MODALITIES, False)
    problems += _one_of(item, "date_precision", PRECISIONS, required=False) + _iso(item, "date")
    if not isinstance(item.get("actors", []), list):
        problems.append("actors must be a list of names")
    return problems
