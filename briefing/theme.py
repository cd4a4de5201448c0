"""The briefing look for Altair charts, and the renderer that keeps them offline.

:func:`setup` registers a renderer that embeds each chart as a small Vega-Lite spec drawn by
``vegaEmbed``, and returns the JavaScript bundle (shipped by vl-convert) to display once per
notebook; the exported HTML pages carry that bundle once in their head. Colours are stable:
a source or a kind of actor keeps its colour in every chart.
"""

from __future__ import annotations

import functools
import json
import os
import uuid

import altair as alt

FONT = "Source Sans Pro, Helvetica Neue, Arial, sans-serif"


PALETTE = [
    "#1f5a96",
    "#c8553d",
    "#2e8b57",
    "#8e6cbf",
    "#d4a017",
    "#3c9fb4",
    "#a23b72",
    "#6b7b8c",
    "#e07a5f",
    "#5a8f29",
]


KIND_COLOURS = {
    "state": "#1f5a96",
    "organization": "#c8553d",
    "person": "#2e8b57",
    "media": "#8e6cbf",
}


def kind_scale() -> alt.Scale:
    """Colours per kind of actor (state, organization, person, media)."""
    return alt.Scale(domain=list(KIND_COLOURS), range=list(KIND_COLOURS.values()))


def theme() -> dict:
    """The briefing look: quiet axes, readable type, one palette."""
    return {
        "config": {
            "font": FONT,
            "title": {
                "fontSize": 15,
                "anchor": "start",
                "fontWeight": 600,
                "subtitleColor": "#555",
            },
            "axis": {
                "labelFontSize": 11,
                "titleFontSize": 12,
                "gridColor": "#e6e6e6",
                "domainColor": "#888",
                "tickColor": "#888",
            },
            "legend": {
                "labelFontSize": 11,
                "titleFontSize": 12,
                "orient": "bottom",
                "direction": "horizontal",
                "columns": 3,
            },
            "view": {"stroke": None, "continuousWidth": 560},
            "range": {"category": PALETTE},
            "point": {"size": 90, "filled": True},
        }
    }


@functools.cache
def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed in one offline script (from vl-convert)."""
    import vl_convert

    return vl_convert.javascript_bundle()


def _render(spec: dict, **_: object) -> dict:
    """Renderer: a div and a few lines that hand the spec to ``vegaEmbed`` when it is loaded."""
    element = f"briefing-chart-{uuid.uuid4().hex[:12]}"
    # Article text is data: no "<", ">" or "&" reaches the page raw, even inside the script.
    payload = (
        json.dumps(spec, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    script = (
        "(function(){"
        f"var spec={payload};"
        f"function draw(){{window.vegaEmbed('#{element}',spec,{{actions:false}});}}"
        "if(window.vegaEmbed){draw();}"
        "else{(window.briefingCharts=window.briefingCharts||[]).push(draw);}"
        "})();"
    )
    markup = f'<div id="{element}" class="briefing-chart"></div><script>{script}</script>'
    return {"text/html": markup, "text/plain": "<briefing chart>"}


class _Bundle:
    """Displays the Vega bundle once, and draws charts that waited for it."""

    def _repr_html_(self) -> str:
        flush = "(window.briefingCharts||[]).forEach(function(f){f();});window.briefingCharts=[];"
        return f"<script>{javascript_bundle()}</script><script>{flush}</script>"


EXPORT_ENV = "BRIEFING_EXPORT"
"""Set by ``briefing export`` in the kernel's environment: the page carries the bundle."""


def setup(inline_bundle: bool | None = None) -> _Bundle | None:
    """Enable the briefing theme and offline renderer.

    Display the returned object once (the last line of a notebook's first cell) so that charts
    draw in JupyterLab without a network. With ``inline_bundle`` False (the default when the
    HTML export runs the notebook) nothing is returned: the exported page loads the bundle
    once in its head.
    """
    alt.theme.register("briefing", enable=True)(theme)
    alt.renderers.register("briefing", _render)
    alt.renderers.enable("briefing")
    alt.data_transformers.disable_max_rows()
    if inline_bundle is None:
        inline_bundle = not os.environ.get(EXPORT_ENV)
    return _Bundle() if inline_bundle else None


def stable_colours(values) -> alt.Scale:
    """A colour scale where each name keeps its colour in every chart and every corpus.

    The colour comes from a hash of the name, so "Gaza Ministry of Health" is the same blue in
    the figures chart, the running total and the sources chart.
    """
    import zlib

    domain = sorted({str(v) for v in values})
    colours = [
        "#999999"
        if name in ("not attributed", "unknown outlet")
        else PALETTE[zlib.crc32(name.encode()) % len(PALETTE)]
        for name in domain
    ]
    return alt.Scale(domain=domain, range=colours)
