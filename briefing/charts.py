"""One builder per chart the notebooks use.

Every builder returns a new chart and leaves its input DataFrame untouched. The theme and the
offline renderer are in :mod:`briefing.theme`; ``charts.setup`` is that module's ``setup``,
kept here so notebooks need one import.
"""

from __future__ import annotations

import html

import altair as alt
import pandas as pd

from briefing.labels import MEASURE_LABELS, UNIT_LABELS, format_figure
from briefing.theme import kind_scale, setup, stable_colours

__all__ = [
    "co_mention_chart",
    "figure_comparison",
    "mentions_heatmap",
    "roles_chart",
    "running_total",
    "setup",
    "sources_chart",
    "terms_chart",
    "timeline_chart",
]

STAGE_ORDER = [
    "talks",
    "proposal",
    "counterproposal",
    "demand",
    "acceptance",
    "rejection",
    "agreement",
    "implementation",
    "extension",
    "violation",
    "breakdown",
]
STAGE_COLOURS = [
    "#1f5a96",
    "#3c9fb4",
    "#8e6cbf",
    "#d4a017",
    "#2e8b57",
    "#c8553d",
    "#0b6e4f",
    "#5a8f29",
    "#6b7b8c",
    "#e07a5f",
    "#a23b72",
]
QUALIFIER_SHAPES = {
    "exact": "circle",
    "approximately": "diamond",
    "at_least": "triangle-right",
    "at_most": "triangle-left",
    "range": "stroke",
}


def _number_format(data: pd.DataFrame) -> str:
    """Thousands separators for counts, SI prefixes only for large ones (30k, 1.2M)."""
    return "~s" if len(data) and data["high"].max() >= 100_000 else ",.0f"


def _value_domain(data: pd.DataFrame) -> alt.Scale:
    """An x scale around the reported values (not from zero), so close figures look apart."""
    if data.empty:
        return alt.Scale(zero=False)
    low, high = float(data["low"].min()), float(data["high"].max())
    pad = max((high - low) * 0.08, high * 0.02, 1.0)
    return alt.Scale(domain=[max(0.0, low - pad), high + pad], zero=False, nice=False)


def _source_selection(name: str):
    return alt.selection_point(name=name, fields=["row"], on="click", empty=False, clear="dblclick")


def _sentence_panel(base: alt.Chart, selection, width: int = 560) -> alt.Chart:
    """Below a chart: the source sentence of the clicked mark (works in exported pages too)."""
    return (
        base.transform_filter(selection)
        .transform_calculate(
            label="datum.outlet + ' (' + datum.published_label + '): ' + datum.sentence"
        )
        .mark_text(align="left", baseline="top", lineBreak="\n", fontSize=12, limit=width)
        .encode(x=alt.value(0), y=alt.value(0), text="label:N")
        .properties(width=width, height=40, title="Click a mark to read its source sentence")
    )


def _prepare(figures: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    from briefing.compare import with_sources

    data = with_sources(figures, articles)
    data["row"] = range(len(data))
    data["outlet"] = data["outlet"].fillna("unknown outlet").astype(str)
    data["attribution"] = data["attribution"].fillna("not attributed").astype(str)
    data["published_label"] = data["published"].dt.strftime("%d %b %Y").fillna("undated")
    data["as_of_label"] = data["as_of"].dt.strftime("%d %b %Y").fillna("not dated")
    data["value"] = [_value_label(r) for r in data.itertuples()]
    data["report"] = data["outlet"] + " · " + data["published_label"]
    return data


def _value_label(row) -> str:
    return format_figure(row.low, row.high, row.qualifier)


def figure_comparison(
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    measure: str,
    group: str | None = None,
    title: str | None = None,
) -> alt.VConcatChart:
    """What each outlet reported for one measure (and group), qualifiers drawn honestly.

    A point for an exact figure, a diamond for "about", an arrow-head pointing up the scale
    for "at least" (down for "up to"), and a bar for a range or a vague amount; colour is the
    attribution; rows are reports ordered by the date the figure refers to. Click a mark to
    read its sentence.
    """
    data = _prepare(figures, articles)
    data = data[data["measure"] == measure]
    if group is not None:
        data = data[data["group"] == group]
    data = data.sort_values(["as_of", "published"], na_position="last")
    unit = UNIT_LABELS.get(data["unit"].iloc[0], "") if len(data) else ""
    selection = _source_selection(f"pick_{measure}")
    base = alt.Chart(data)
    y = alt.Y("report:N", sort=list(data["report"].unique()), title=None)
    x_title = f"{MEASURE_LABELS.get(measure, measure)} ({unit})"
    colour = alt.Color(
        "attribution:N", title="Attributed to", scale=stable_colours(data["attribution"])
    )
    tooltip = [
        alt.Tooltip("value:N", title="Figure"),
        alt.Tooltip("text:N", title="As written"),
        alt.Tooltip("attribution:N", title="Attributed to"),
        alt.Tooltip("as_of_label:N", title="Refers to"),
        alt.Tooltip("status:N"),
        alt.Tooltip("outlet:N"),
        alt.Tooltip("sentence:N", title="Sentence"),
    ]
    ranges = (
        base.transform_filter("datum.low != datum.high")
        .mark_rule(strokeWidth=5, opacity=0.7)
        .encode(
            x=alt.X(
                "low:Q",
                title=x_title,
                axis=alt.Axis(format=_number_format(data)),
                scale=_value_domain(data),
            ),
            x2="high:Q",
            y=y,
            color=colour,
            tooltip=tooltip,
        )
    )
    points = (
        base.transform_filter("datum.low == datum.high")
        .mark_point(size=140, filled=True)
        .encode(
            x=alt.X(
                "low:Q",
                title=x_title,
                axis=alt.Axis(format=_number_format(data)),
                scale=_value_domain(data),
            ),
            y=y,
            color=colour,
            shape=alt.Shape(
                "qualifier:N",
                title="Qualifier",
                scale=alt.Scale(
                    domain=list(QUALIFIER_SHAPES), range=list(QUALIFIER_SHAPES.values())
                ),
            ),
            tooltip=tooltip,
        )
    )
    chart = (
        (ranges + points)
        .add_params(selection)
        .properties(
            title=title or MEASURE_LABELS.get(measure, measure) + (f": {group}" if group else ""),
            width=560,
            height=max(60, 28 * data["report"].nunique()),
        )
    )
    return alt.vconcat(chart, _sentence_panel(base, selection))


def running_total(
    series: pd.DataFrame, title: str = "Reported death toll in Gaza"
) -> alt.VConcatChart:
    """A running figure across the dates it refers to: one point per report, joined by date."""
    data = series.copy()
    data["row"] = range(len(data))
    data["outlet"] = data["outlet"].fillna("unknown outlet").astype(str)
    data["attribution"] = data["attribution"].fillna("not attributed").astype(str)
    data["published_label"] = data["published"].dt.strftime("%d %b %Y").fillna("undated")
    selection = _source_selection("pick_total")
    base = alt.Chart(data)
    line = base.mark_line(color="#999", strokeDash=[4, 3]).encode(
        x=alt.X("as_of:T", title="Date the figure refers to"),
        y=alt.Y("low:Q", title="People killed", scale=_value_domain(data)),
    )
    points = base.mark_point(size=140, filled=True).encode(
        x="as_of:T",
        y=alt.Y("low:Q", axis=alt.Axis(format=","), scale=_value_domain(data)),
        color=alt.Color(
            "attribution:N", title="Attributed to", scale=stable_colours(data["attribution"])
        ),
        shape=alt.Shape(
            "qualifier:N",
            title="Qualifier",
            scale=alt.Scale(domain=list(QUALIFIER_SHAPES), range=list(QUALIFIER_SHAPES.values())),
        ),
        tooltip=[
            alt.Tooltip("text:N", title="As written"),
            alt.Tooltip("attribution:N"),
            alt.Tooltip("outlet:N"),
            alt.Tooltip("as_of:T", title="Refers to"),
            alt.Tooltip("sentence:N"),
        ],
    )
    chart = (line + points).add_params(selection).properties(title=title, width=560, height=240)
    return alt.vconcat(chart, _sentence_panel(base, selection))


def mentions_heatmap(actors: pd.DataFrame, articles: pd.DataFrame, top: int = 25) -> alt.Chart:
    """Actor × article heatmap of mentions, actors ordered by how widely they are named."""
    data = actors.merge(articles[["id", "outlet"]].rename(columns={"id": "article"}), on="article")
    data["outlet"] = data["outlet"].fillna("unknown outlet").astype(str)
    data["column"] = data["outlet"] + " · " + data["article"].str[:3]
    order = (data.groupby("name")["article"].nunique().sort_values(ascending=False).head(top)).index
    data = data[data["name"].isin(order)]
    return (
        alt.Chart(data)
        .mark_rect()
        .encode(
            x=alt.X("column:N", title=None, axis=alt.Axis(labelAngle=-30)),
            y=alt.Y("name:N", sort=list(order), title=None),
            color=alt.Color("mentions:Q", title="Mentions", scale=alt.Scale(scheme="blues")),
            stroke=alt.Stroke("kind:N", title="Kind of actor", scale=kind_scale()),
            tooltip=["name:N", "kind:N", "role:N", "mentions:Q", "outlet:N"],
        )
        .properties(title="Who is named where", width=360, height=max(200, 16 * len(order)))
    )


def roles_chart(actors: pd.DataFrame, articles: pd.DataFrame) -> alt.Chart:
    """Actors per article by role (party, mediator, host, source, other)."""
    data = actors.merge(articles[["id", "outlet"]].rename(columns={"id": "article"}), on="article")
    data["outlet"] = (
        data["outlet"].fillna("unknown outlet").astype(str) + " · " + data["article"].str[:3]
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("outlet:N", title=None),
            x=alt.X("count():Q", title="Actors named"),
            color=alt.Color(
                "role:N", title="Role", sort=["party", "mediator", "host", "source", "other"]
            ),
            tooltip=["outlet:N", "role:N", alt.Tooltip("count():Q", title="Actors")],
        )
        .properties(title="Roles in each article", width=480)
    )


def co_mention_chart(pairs: pd.DataFrame, kinds: dict[str, str], top: int = 20) -> alt.Chart:
    """Which actors are named in the same articles (count of shared articles)."""
    names = pd.concat([pairs["a"], pairs["b"]]).value_counts().head(top).index
    data = pairs[pairs["a"].isin(names) & pairs["b"].isin(names)]
    both = pd.concat([data, data.rename(columns={"a": "b", "b": "a"})])
    both = both.assign(kind=[kinds.get(a, "organization") for a in both["a"]])
    return (
        alt.Chart(both)
        .mark_circle()
        .encode(
            x=alt.X("a:N", title=None, sort=list(names), axis=alt.Axis(labelAngle=-40)),
            y=alt.Y("b:N", title=None, sort=list(names)),
            size=alt.Size("articles:Q", title="Articles together"),
            color=alt.Color("kind:N", title="Kind of actor", scale=kind_scale()),
            tooltip=["a:N", "b:N", "articles:Q"],
        )
        .properties(title="Named together", width=420, height=420)
    )


def sources_chart(figures: pd.DataFrame) -> alt.Chart:
    """The quoted sources behind the figures, by measure."""
    data = figures.assign(attribution=figures["attribution"].fillna("not attributed").astype(str))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("attribution:N", sort="-x", title=None),
            x=alt.X("count():Q", title="Figures"),
            color=alt.Color("measure:N", title="Measure", scale=stable_colours(data["measure"])),
            tooltip=["attribution:N", "measure:N", alt.Tooltip("count():Q", title="Figures")],
        )
        .properties(title="Who the figures are attributed to", width=420)
    )


def _outlet_names(outlets) -> str:
    """The outlets that told an event, named once each; unknown outlets are left out."""
    named = {x for x in outlets if isinstance(x, str) and x}
    return ", ".join(sorted(named)) or "unknown outlet"


def timeline_chart(timeline: pd.DataFrame) -> alt.Chart:
    """The negotiation's course: stage by date, place, participants and outlets in tooltips."""
    data = timeline[timeline["date"].notna()].copy()
    data["participants"] = data["actors"].map(lambda a: ", ".join(a[:8]))
    data["reported_by"] = data["outlets"].map(_outlet_names)
    data["place"] = data["place"].fillna("not stated")
    data["precision"] = data["date_precision"].fillna("day")
    shown = ["date", "precision", "stage", "modality", "place", "participants", "reported_by"]
    data = data[[*shown, "reports", "text"]]  # lists (actors, outlets) stay out of the page
    return (
        alt.Chart(data)
        .mark_point(size=160, filled=True)
        .encode(
            x=alt.X("date:T", title="Date"),
            y=alt.Y("stage:N", sort=STAGE_ORDER, title=None),
            color=alt.Color(
                "stage:N", scale=alt.Scale(domain=STAGE_ORDER, range=STAGE_COLOURS), legend=None
            ),
            shape=alt.Shape(
                "modality:N",
                title="Modality",
                scale=alt.Scale(
                    domain=["actual", "planned", "hypothetical", "negated"],
                    range=["circle", "triangle-up", "diamond", "cross"],
                ),
            ),
            tooltip=[
                alt.Tooltip("date:T"),
                alt.Tooltip("precision:N", title="Date precision"),
                "stage:N",
                "modality:N",
                "place:N",
                alt.Tooltip("participants:N"),
                alt.Tooltip("reported_by:N", title="Reported by"),
                alt.Tooltip("reports:Q"),
                alt.Tooltip("text:N", title="As written"),
            ],
        )
        .properties(title="The negotiation, step by step", width=560, height=300)
    )


def terms_chart(terms: pd.DataFrame) -> alt.Chart:
    """Terms on the table (proposed, demanded, agreed) by measure and publication date."""
    data = terms.copy()
    data["outlet"] = data["outlet"].fillna("unknown outlet").astype(str)
    data["term"] = data["measure"].map(lambda m: MEASURE_LABELS.get(m, m))
    data["value"] = [_value_label(r) for r in data.itertuples()]
    base = alt.Chart(data).encode(
        y=alt.Y("term:N", title=None),
        color=alt.Color(
            "status:N",
            title="Status",
            scale=alt.Scale(
                domain=["proposed", "demanded", "agreed"], range=["#1f5a96", "#d4a017", "#2e8b57"]
            ),
        ),
        tooltip=[
            "term:N",
            "value:N",
            "status:N",
            "outlet:N",
            "published:T",
            "attribution:N",
            "sentence:N",
        ],
    )
    bars = base.mark_rule(strokeWidth=6).encode(
        x=alt.X("low:Q", title="Value (people, days or phases)", scale=alt.Scale(type="symlog")),
        x2="high:Q",
    )
    dots = base.mark_point(size=120, filled=True).encode(x="low:Q")
    return (bars + dots).properties(title="The structure of the proposals on the table", width=520)


def escape(text: object) -> str:
    """HTML-escape any value for use in hand-built markup."""
    return html.escape("" if text is None else str(text))
