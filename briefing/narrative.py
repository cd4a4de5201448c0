"""Short sentences generated from the data, so a briefing's text stays true as the corpus changes.

Each function returns plain text; :func:`as_html` escapes it for display, since outlet names and
sentences come from articles and must never be read as markup.
"""

from __future__ import annotations

import html

import pandas as pd

from briefing.labels import MEASURE_LABELS, format_figure

HEADLINE_MEASURES = (
    ("killed", "Palestinians", "cumulative", "Killed in Gaza (running total)"),
    ("killed", "people in Israel", "incident", "Killed in Israel on 7 October 2023"),
    ("hostages_taken", "hostages", "incident", "Taken hostage on 7 October 2023"),
    ("hostages_held", "hostages", None, "Hostages still held"),
    ("hostages_dead", "hostages", None, "Hostages believed dead"),
    ("hostages_released", "hostages", "period", "Hostages released in a truce"),
    ("prisoners_released", "Palestinian prisoners", "period", "Prisoners released in a truce"),
)


def day(value) -> str:
    """A date as "23 February 2024", or "an unknown date"."""
    if value is None or pd.isna(value):
        return "an unknown date"
    return f"{pd.Timestamp(value).day} {pd.Timestamp(value):%B %Y}"


def figure_text(low: float, high: float, qualifier: str) -> str:
    """How a figure reads: "at least 29,514", "200 to 300", "about 250"."""
    return format_figure(low, high, qualifier)


def toll_sentence(series: pd.DataFrame, what: str = "The reported death toll in Gaza") -> str:
    """How a running figure moved, first report to last, with its sources."""
    if series.empty:
        return f"{what}: no report in this corpus."
    first, last = series.iloc[0], series.iloc[-1]
    if len(series) == 1 or first["low"] == last["low"]:
        return (
            f"{what} was {figure_text(last['low'], last['high'], last['qualifier'])} on "
            f"{day(last['as_of'])}, {_source(last)}."
        )
    verb = "rose" if last["low"] > first["low"] else "fell"
    return (
        f"{what} {verb} from {figure_text(first['low'], first['high'], first['qualifier'])} on "
        f"{day(first['as_of'])} ({_source(first)}) to "
        f"{figure_text(last['low'], last['high'], last['qualifier'])} on {day(last['as_of'])} "
        f"({_source(last)}), across {len(series)} reports."
    )


def _source(row) -> str:
    attribution = row.get("attribution")
    outlet = row.get("outlet")
    outlet = outlet if isinstance(outlet, str) else "an unnamed outlet"
    if isinstance(attribution, str) and attribution:
        return f"per {attribution}, reported by {outlet}"
    return f"reported by {outlet}"


def headline_figures(reconciled: pd.DataFrame) -> pd.DataFrame:
    """The headline numbers: for each key measure, its latest dated group of reports.

    One row per measure with ``figure`` (the spread as text), ``as_of``, ``sources``,
    ``attributions`` and ``grade``.
    """
    rows = []
    for measure, group, scope, label in HEADLINE_MEASURES:
        keep = (reconciled["measure"] == measure) & (reconciled["group"] == group)
        keep &= reconciled["scope"].isna() if scope is None else reconciled["scope"] == scope
        found = reconciled[keep]
        if found.empty:
            continue
        latest = found.sort_values(["as_of", "sources"], na_position="first").iloc[-1]
        low, high = latest["min"], latest["max"]
        rows.append(
            {
                "measure": label,
                "figure": f"{low:,.0f}" if low == high else f"{low:,.0f} – {high:,.0f}",
                "as_of": latest["as_of"],
                "sources": int(latest["sources"]),
                "attributed to": ", ".join(latest["attributions"]) or "not attributed",
                "grade": latest["grade"],
            }
        )
    return pd.DataFrame(
        rows, columns=["measure", "figure", "as_of", "sources", "attributed to", "grade"]
    )


def headline_lines(headline: pd.DataFrame) -> list[str]:
    """The headline numbers as one readable line each."""
    lines = []
    for row in headline.itertuples(index=False):
        when = f"as of {day(row.as_of)}" if not pd.isna(row.as_of) else "date not stated"
        sources = f"{row.sources} source{'s' if row.sources != 1 else ''}"
        lines.append(f"{row.measure}: {row.figure} ({when}; {sources}; {row[4]}; {row.grade})")
    return lines


def reconciliation_lines(reconciled: pd.DataFrame) -> list[str]:
    """Each group of comparable reports on one line: spread, sources, grade, why they differ."""
    lines = []
    for row in reconciled.itertuples(index=False):
        parts = [MEASURE_LABELS.get(row.measure, row.measure)]
        parts += [str(v) for v in (row.group, row.scope) if isinstance(v, str)]
        when = day(row.as_of) if not pd.isna(row.as_of) else "undated"
        spread = f"{row.min:,.0f}" if row.min == row.max else f"{row.min:,.0f} to {row.max:,.0f}"
        reason = f"; differ by {row.disagreement}" if isinstance(row.disagreement, str) else ""
        lines.append(
            f"{' / '.join(parts)}, {when}: {spread} ({row.sources} source"
            f"{'s' if row.sources != 1 else ''}; {row.grade}{reason})"
        )
    return lines


def stage_sentence(stage: pd.Series | None) -> str:
    """The latest step of the talks the corpus reports."""
    if stage is None:
        return "No dated negotiation step is reported in this corpus."
    where = f" in {stage['place']}" if isinstance(stage["place"], str) else ""
    planned = " (planned)" if stage["modality"] == "planned" else ""
    outlets = (
        ", ".join(sorted({str(o) for o in stage["outlets"] if isinstance(o, str)}))
        or "an unnamed outlet"
    )
    return (
        f"The latest step reported is {stage['stage']}{where} on {day(stage['date'])}"
        f"{planned}, according to {outlets}."
    )


def mediators_sentence(roles: pd.DataFrame) -> str:
    """Who is named as mediator, and in how many articles."""
    mediators = roles[(roles["role"] == "mediator") & (roles["kind"] == "state")]
    if mediators.empty:
        mediators = roles[roles["role"] == "mediator"]
    if mediators.empty:
        return "No mediator is named in this corpus."
    parts = [
        f"{row.name} ({row.articles} article{'s' if row.articles != 1 else ''})"
        for row in mediators.head(5).itertuples()
    ]
    return "Mediators named: " + ", ".join(parts) + "."


def disagreement_sentences(reconciled: pd.DataFrame, limit: int = 4) -> list[str]:
    """Where sources disagree most, and the likely reason."""
    disputed = reconciled[reconciled["disagreement"].notna()].copy()
    disputed["spread"] = disputed["max"] / disputed["min"].where(disputed["min"] > 0)
    out = []
    for row in disputed.sort_values("spread", ascending=False).head(limit).itertuples():
        label = MEASURE_LABELS.get(row.measure, row.measure)
        group = f" ({row.group})" if isinstance(row.group, str) else ""
        out.append(
            f"{label}{group}: {row.min:,.0f} to {row.max:,.0f} across {row.sources} "
            f"source{'s' if row.sources != 1 else ''}; likely reason: {row.disagreement}."
        )
    return out


def as_html(*sentences: str) -> str:
    """Sentences as escaped HTML paragraphs."""
    return "".join(f"<p>{html.escape(s)}</p>" for s in sentences)
