"""HTML tables for briefings, with every value from an article escaped.

Each figure row links to its article in the sources appendix of an exported briefing
(``#source-<id>``), so a reader can go from a number to the report it came from.
"""

from __future__ import annotations

import html

import pandas as pd

from briefing.labels import format_figure, measure_label

LEDGER_COLUMNS = (
    "Measure",
    "Figure",
    "As written",
    "Attributed to",
    "Refers to",
    "Status",
    "Outlet",
    "Article",
    "Sentence",
)


def _cell(value: object) -> str:
    return (
        ""
        if value is None or (not isinstance(value, str) and pd.isna(value))
        else html.escape(str(value))
    )


def ledger_table(figures: pd.DataFrame) -> str:
    """The figures ledger as an HTML table: one row per figure, its article linked.

    ``figures`` needs the corpus figure columns plus ``outlet`` (see
    :func:`briefing.compare.with_sources`).
    """
    rows = []
    for row in figures.itertuples():
        refers = row.as_of.date().isoformat() if pd.notna(row.as_of) else ""
        link = f'<a href="#source-{_cell(row.article)}">{_cell(row.article)}</a>'
        cells = [
            _cell(measure_label(row.measure)),
            _cell(format_figure(row.low, row.high, row.qualifier)),
            _cell(row.text),
            _cell(row.attribution),
            _cell(refers),
            _cell(row.status),
            _cell(row.outlet),
            link,
            _cell(row.sentence),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{h}</th>" for h in LEDGER_COLUMNS)
    return (
        f'<table class="ledger"><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
