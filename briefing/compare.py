"""Reconciliation of figures across outlets, and the merged negotiation timeline."""

from __future__ import annotations

import pandas as pd


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
        target = None
        if pd.notna(event.date):
            for row in rows:
                if (
                    row["stage"] == event.stage
                    and pd.notna(row["date"])
                    and abs((row["date"] - event.date).days) <= tolerance_days
                    and (
                        pd.isna(row["place"]) or pd.isna(event.place) or row["place"] == event.place
                    )
                ):
                    target = row
                    break
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
    df = pd.DataFrame(
        rows,
        columns=[
            "date",
            "date_precision",
            "stage",
            "modality",
            "place",
            "actors",
            "articles",
            "outlets",
            "text",
        ],
    )
    df["reports"] = df["articles"].map(len).astype("Int64")
    df["date"] = pd.to_datetime(df["date"])
    return df.sort_values("date", na_position="last", kind="stable").reset_index(drop=True)
