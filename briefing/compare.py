"""Reconciliation of figures across outlets, and the merged negotiation timeline.

Every function takes the corpus DataFrames and returns a new DataFrame; none mutates its
input. The reconciliation follows the habits of casualty-recording projects: figures are only
compared within the same measure, group, scope and as-of date; a syndicated copy of a wire
report counts as one source; the conservative value is the lowest lower bound reported.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from briefing.gazetteer import Gazetteer, default_gazetteer
from briefing.labels import format_figure

RECONCILE_KEYS = ("measure", "group", "scope", "as_of")
GRADES = ("single source", "corroborated", "acknowledged by a party")


def source_identity(articles: pd.DataFrame) -> dict[str, str]:
    """Map article ids to the source they stand for: the wire agency if syndicated, else outlet.

    Two outlets printing the same AFP dispatch are one source, not two.
    """
    out = {}
    for row in articles.itertuples(index=False):
        agency = getattr(row, "agency", None)
        outlet = row.outlet
        if isinstance(agency, str) and agency:
            out[row.id] = agency
        elif isinstance(outlet, str) and outlet:
            out[row.id] = outlet
        else:
            out[row.id] = f"unknown outlet ({row.id})"
    return out


def with_sources(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Figures with the article's ``outlet``, ``published`` date and ``source`` identity."""
    meta = articles[["id", "outlet", "published"]].rename(columns={"id": "article"})
    merged = figures.merge(meta, on="article", how="left")
    merged["source"] = merged["article"].map(source_identity(articles))
    return merged


def reconcile(
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    keys: Iterable[str] = RECONCILE_KEYS,
    status: str | None = "reported",
    gazetteer: Gazetteer | None = None,
) -> pd.DataFrame:
    """One row per group of comparable figures: spread, sources, grade, why they differ.

    Parameters
    ----------
    figures, articles
        The corpus DataFrames.
    keys
        What makes figures comparable; by default measure, group, scope and as-of date.
    status
        Keep only figures of this status ("reported" facts by default; None keeps all).
    gazetteer
        Used to tell whether an attribution is a party to the conflict (default: the
        project's gazetteer).

    Returns
    -------
    DataFrame with ``keys`` and: ``reports`` (figures), ``sources`` (distinct sources, a
    syndicated copy counted once), ``outlets``, ``min``, ``max``, ``conservative`` (lowest
    lower bound), ``attributions``, ``grade`` and ``disagreement`` (the likely reasons, or
    None when all agree).
    """
    keys = list(keys)
    gazetteer = gazetteer or default_gazetteer()
    data = with_sources(figures, articles)
    if status is not None:
        data = data[data["status"] == status]
    columns = [
        *keys,
        "reports",
        "sources",
        "outlets",
        "min",
        "max",
        "conservative",
        "attributions",
        "grade",
        "disagreement",
    ]
    if data.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for group_key, group in data.groupby(keys, dropna=False, sort=True):
        group_key = group_key if isinstance(group_key, tuple) else (group_key,)
        attributions = sorted({a for a in group["attribution"].dropna()})
        rows.append(
            {
                **dict(zip(keys, group_key, strict=True)),
                "reports": len(group),
                "sources": group["source"].nunique(),
                "outlets": sorted({str(o) for o in group["outlet"].dropna()}),
                "min": group["low"].min(),
                "max": group["high"].max(),
                "conservative": group["low"].min(),
                "attributions": attributions,
                "grade": _grade(group, attributions, gazetteer),
                "disagreement": _disagreement(group, keys),
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    out["reports"] = out["reports"].astype("Int64")
    out["sources"] = out["sources"].astype("Int64")
    return out.sort_values(
        ["measure", "sources"], ascending=[True, False], kind="stable"
    ).reset_index(drop=True)


def _grade(group: pd.DataFrame, attributions: list[str], gazetteer: Gazetteer) -> str:
    """Acknowledged by a party > corroborated by two or more sources > single source."""
    for attribution in attributions:
        name = (
            gazetteer.resolve(attribution) if attribution not in gazetteer.actors else attribution
        )
        actor = gazetteer.actors.get(name or "")
        if actor and (actor.role == "party" or actor.affiliation in ("Israel", "Hamas")):
            return "acknowledged by a party"
    return "corroborated" if group["source"].nunique() >= 2 else "single source"


def _disagreement(group: pd.DataFrame, keys: list[str]) -> str | None:
    """Why reports in one group differ: attribution, as-of date, rounding, qualifier."""
    if group["low"].nunique() == 1 and group["high"].nunique() == 1:
        return None
    reasons = []
    if group["attribution"].fillna("unattributed").nunique() > 1:
        reasons.append("different attribution")
    undated = "as_of" not in keys or group["as_of"].isna().all()
    if undated and (group["published"].nunique() > 1 or group["as_of"].nunique() > 1):
        reasons.append("different as-of date")
    values = group["low"].tolist()
    mixed = any(_round(v) for v in values) and any(not _round(v) for v in values)
    if mixed and max(values) - min(values) <= 0.05 * max(values):
        reasons.append("rounding")
    if group["qualifier"].nunique() > 1:
        reasons.append("qualifier")
    return ", ".join(reasons) if reasons else "different figures"


def _round(value: float) -> bool:
    return value >= 10 and (value % 50 == 0 or (value >= 1000 and value % 100 == 0))


def reported(figures: pd.DataFrame) -> pd.DataFrame:
    """Only the figures reported as facts (not terms proposed, demanded or agreed)."""
    return figures[figures["status"] == "reported"]


def series(
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    measure: str = "killed",
    group: str | None = "Palestinians",
    scope: str | None = "cumulative",
) -> pd.DataFrame:
    """Reports of one running figure in date order (the Gaza death toll by default).

    One row per report with ``as_of``, ``published``, ``low``, ``high``, ``qualifier``,
    ``attribution``, ``outlet``, ``source``, ``text`` and ``sentence``.
    """
    data = with_sources(figures, articles)
    keep = (data["measure"] == measure) & (data["status"] == "reported")
    if group is not None:
        keep &= data["group"] == group
    if scope is not None:
        keep &= data["scope"] == scope
    columns = [
        "as_of",
        "published",
        "low",
        "high",
        "qualifier",
        "attribution",
        "outlet",
        "source",
        "article",
        "text",
        "sentence",
    ]
    out = data.loc[keep, columns].copy()
    out["as_of"] = out["as_of"].fillna(out["published"])
    return out.sort_values(["as_of", "low"], kind="stable").reset_index(drop=True)


def terms(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The terms on the table: figures proposed, demanded or agreed, by publication date."""
    data = with_sources(figures, articles)
    out = data[data["status"] != "reported"]
    columns = [
        "published",
        "outlet",
        "status",
        "measure",
        "low",
        "high",
        "qualifier",
        "unit",
        "attribution",
        "text",
        "sentence",
        "article",
    ]
    return out[columns].sort_values(["published", "measure"], kind="stable").reset_index(drop=True)


def term_changes(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """What changed between rounds: for each proposed term, its values by publication date.

    One row per measure and publication date, with the previous round's values and whether
    the term changed.
    """
    on_table = terms(figures, articles)
    columns = ["measure", "published", "values", "previous", "changed", "outlets"]
    if on_table.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for measure, group in on_table.groupby("measure", sort=True):
        previous = None
        for published, day in group.groupby("published", sort=True):
            values = sorted(
                {_span(low, high) for low, high in zip(day["low"], day["high"], strict=True)}
            )
            rows.append(
                {
                    "measure": measure,
                    "published": published,
                    "values": values,
                    "previous": previous,
                    "changed": previous is not None and values != previous,
                    "outlets": sorted({str(o) for o in day["outlet"].dropna()}),
                }
            )
            previous = values
    return pd.DataFrame(rows, columns=columns)


def _span(low: float, high: float) -> str:
    return format_figure(low, high, "range" if low != high else "exact")


def mentions_matrix(actors: pd.DataFrame) -> pd.DataFrame:
    """Actor × article mentions in long form: name, kind, article, mentions, role."""
    return actors[["name", "kind", "article", "mentions", "role"]].copy()


def co_mentions(actors: pd.DataFrame, min_articles: int = 1) -> pd.DataFrame:
    """Pairs of actors named in the same articles: ``a``, ``b``, ``articles`` (count)."""
    by_article = actors.groupby("article")["name"].apply(lambda s: sorted(set(s)))
    counts: dict[tuple[str, str], int] = {}
    for names in by_article:
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                counts[(a, b)] = counts.get((a, b), 0) + 1
    rows = [{"a": a, "b": b, "articles": n} for (a, b), n in counts.items() if n >= min_articles]
    out = pd.DataFrame(rows, columns=["a", "b", "articles"])
    out["articles"] = out["articles"].astype("Int64")
    return out.sort_values(["articles", "a", "b"], ascending=[False, True, True]).reset_index(
        drop=True
    )


def unknown_actors(actors: pd.DataFrame) -> pd.DataFrame:
    """Names in actor positions the gazetteer lacks, most mentioned first.

    One row per name with ``kind``, ``affiliation``, ``mentions`` and ``articles``.
    """
    unknown = actors[~actors["known"].astype(bool)]
    columns = ["name", "kind", "affiliation", "mentions", "articles"]
    if unknown.empty:
        return pd.DataFrame(columns=columns)
    out = unknown.groupby("name", as_index=False).agg(
        kind=("kind", "first"),
        affiliation=("affiliation", "first"),
        mentions=("mentions", "sum"),
        articles=("article", "nunique"),
    )
    return out.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)[
        columns
    ]


def roles(actors: pd.DataFrame) -> pd.DataFrame:
    """How often each actor appears in each role across the corpus."""
    out = actors.groupby(["name", "kind", "role"], as_index=False).agg(
        articles=("article", "nunique"), mentions=("mentions", "sum")
    )
    return out.sort_values(["articles", "mentions"], ascending=False).reset_index(drop=True)


def merge_timeline(
    events: pd.DataFrame, articles: pd.DataFrame, tolerance_days: int = 1
) -> pd.DataFrame:
    """Group the same event reported by several articles into one row.

    Events match when they share stage and place (a missing place matches any) and their
    dates lie within ``tolerance_days``. Undated events are kept apart, one row each. Returns
    one row per merged event: ``date``, ``date_precision``, ``stage``, ``modality``, ``place``,
    ``actors`` (union), ``articles`` and ``outlets`` (lists), ``reports`` and ``text`` (the
    first report's words).
    """
    outlets = dict(zip(articles["id"], articles["outlet"], strict=False)) if len(articles) else {}
    rows: list[dict] = []
    ordered = events.sort_values(["date", "start"], na_position="last", kind="stable")
    for event in ordered.itertuples(index=False):
        target = _matching_row(rows, event, tolerance_days)
        if target is None:
            rows.append(
                {
                    "date": event.date,
                    "date_precision": event.date_precision,
                    "stage": event.stage,
                    "modality": event.modality,
                    "place": event.place,
                    "actors": list(event.actors),
                    "articles": [event.article],
                    "outlets": [outlets.get(event.article)],
                    "text": event.text,
                }
            )
            continue
        if pd.isna(target["place"]) and pd.notna(event.place):
            target["place"] = event.place
        target["actors"] += [a for a in event.actors if a not in target["actors"]]
        if event.article not in target["articles"]:
            target["articles"].append(event.article)
            target["outlets"].append(outlets.get(event.article))
    columns = [
        "date",
        "date_precision",
        "stage",
        "modality",
        "place",
        "actors",
        "articles",
        "outlets",
        "text",
    ]
    df = pd.DataFrame(rows, columns=columns)
    df["reports"] = df["articles"].map(len).astype("Int64")
    df["date"] = pd.to_datetime(df["date"])
    return df.sort_values("date", na_position="last", kind="stable").reset_index(drop=True)


def _matching_row(rows: list[dict], event, tolerance_days: int) -> dict | None:
    if pd.isna(event.date):
        return None
    for row in rows:
        if (
            row["stage"] == event.stage
            and (row["modality"] == "negated") == (event.modality == "negated")
            and pd.notna(row["date"])
            and abs((row["date"] - event.date).days) <= tolerance_days
            and (pd.isna(row["place"]) or pd.isna(event.place) or row["place"] == event.place)
        ):
            return row
    return None


def current_stage(timeline: pd.DataFrame) -> pd.Series | None:
    """The latest dated event that happened or is planned (not negated or hypothetical)."""
    live = timeline[timeline["modality"].isin(["actual", "planned"]) & timeline["date"].notna()]
    if live.empty:
        return None
    return live.sort_values("date", kind="stable").iloc[-1]
