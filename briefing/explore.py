"""Interactive explorers for JupyterLab (ipywidgets).

They filter the corpus DataFrames and redraw with :mod:`briefing.charts`; they need a running
kernel, so exported HTML briefings leave them out and keep the static charts.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display

from briefing import charts
from briefing.compare import with_sources
from briefing.corpus import Corpus

ALL = "(all)"


def _choices(values: pd.Series) -> list[str]:
    return [ALL, *sorted({str(v) for v in values.dropna()})]


def filter_figures(
    figures: pd.DataFrame,
    measure: str | None = None,
    outlet: str | None = None,
    attribution: str | None = None,
    date_from: pd.Timestamp | None = None,
    date_to: pd.Timestamp | None = None,
) -> pd.DataFrame:
    """Figures (with ``outlet`` and ``published`` columns) matching every filter given."""
    keep = pd.Series(True, index=figures.index)
    if measure and measure != ALL:
        keep &= figures["measure"] == measure
    if outlet and outlet != ALL:
        keep &= figures["outlet"] == outlet
    if attribution and attribution != ALL:
        keep &= figures["attribution"] == attribution
    if date_from is not None:
        keep &= figures["published"] >= pd.Timestamp(date_from)
    if date_to is not None:
        keep &= figures["published"] <= pd.Timestamp(date_to)
    return figures[keep]


def figure_explorer(corpus: Corpus) -> widgets.VBox:
    """Pick a measure, outlet, source and date window; see the chart and every sentence."""
    data = with_sources(corpus.figures, corpus.articles)
    measure = widgets.Dropdown(options=_choices(data["measure"]), value=ALL, description="Measure")
    outlet = widgets.Dropdown(options=_choices(data["outlet"]), value=ALL, description="Outlet")
    source = widgets.Dropdown(
        options=_choices(data["attribution"]), value=ALL, description="Source"
    )
    start = widgets.DatePicker(description="From")
    end = widgets.DatePicker(description="To")
    out = widgets.Output()

    def refresh(*_: object) -> None:
        chosen = filter_figures(
            data, measure.value, outlet.value, source.value, start.value, end.value
        )
        with out:
            out.clear_output()
            if chosen.empty:
                display(HTML("<p>No figure matches these filters.</p>"))
                return
            if measure.value != ALL:
                display(
                    charts.figure_comparison(
                        corpus.figures.loc[chosen.index], corpus.articles, measure.value
                    )
                )
            display(HTML(sentences_table(chosen)))

    for control in (measure, outlet, source, start, end):
        control.observe(refresh, names="value")
    refresh()
    return widgets.VBox([widgets.HBox([measure, outlet, source]), widgets.HBox([start, end]), out])


def actor_explorer(corpus: Corpus) -> widgets.VBox:
    """Pick an actor; see each article that names it, its role there and the sentences."""
    names = sorted(corpus.actors["name"].unique())
    choice = widgets.Dropdown(options=names, description="Actor")
    out = widgets.Output()

    def refresh(*_: object) -> None:
        rows = corpus.actors[corpus.actors["name"] == choice.value]
        parts = []
        for row in rows.itertuples():
            text = corpus.texts.get(row.article, "")
            quotes = "".join(
                f"<li>{html.escape(_around(text, start, end))}</li>" for start, end in row.spans[:5]
            )
            parts.append(
                f"<h4>{html.escape(row.article)} — {html.escape(row.role)}, "
                f"{row.mentions} mention(s)</h4><ul>{quotes}</ul>"
            )
        with out:
            out.clear_output()
            display(HTML("".join(parts) or "<p>Not named.</p>"))

    choice.observe(refresh, names="value")
    refresh()
    return widgets.VBox([choice, out])


def _around(text: str, start: int, end: int, width: int = 90) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    left, right = max(left, start - width), min(right, end + width)
    return ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "")


SHOWN_ROWS = 200
"""Rows an explorer table shows at once; narrower filters show the rest."""


def sentences_table(figures: pd.DataFrame, limit: int = SHOWN_ROWS) -> str:
    """An HTML table of figures with their sentences, every value escaped.

    At most ``limit`` rows, with a line saying how many more the filters hold: a browser
    page (and the kernel link behind it) stays quick on a corpus of thousands of figures.
    """
    rows = []
    for row in figures.head(limit).itertuples():
        cells = [
            row.outlet,
            row.published.date() if pd.notna(row.published) else "",
            row.measure,
            row.text,
            row.attribution,
            row.sentence,
        ]
        rows.append(
            "<tr>"
            + "".join(f"<td>{html.escape(str(c)) if pd.notna(c) else ''}</td>" for c in cells)
            + "</tr>"
        )
    header = "".join(
        f"<th>{h}</th>"
        for h in ("Outlet", "Published", "Measure", "Figure", "Attributed to", "Sentence")
    )
    more = len(figures) - limit
    note = (
        f"<p>Showing the first {limit} of {len(figures):,} figures; narrow the filters to see"
        " the others.</p>"
        if more > 0
        else ""
    )
    return f"{note}<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
