"""The chart look and the offline renderer: stable colours, no CDN, article text kept inert."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import pytest

from briefing import theme


@pytest.fixture()
def briefing_renderer():
    """Enable the briefing renderer for one test, then put Altair's previous choice back."""
    renderer, active_theme = alt.renderers.active, alt.theme.active
    yield theme.setup(inline_bundle=False)
    alt.renderers.enable(renderer)
    alt.theme.enable(active_theme)


def colours(values) -> dict[str, str]:
    scale = theme.stable_colours(values).to_dict()
    return dict(zip(scale["domain"], scale["range"], strict=True))


def test_a_name_keeps_its_colour_across_calls_and_corpora():
    one = colours(["Gaza Ministry of Health", "Israeli authorities"])
    other = colours(["UN OCHA", "Gaza Ministry of Health", "Hamas", "AFP", "Kan"])
    assert one["Gaza Ministry of Health"] == other["Gaza Ministry of Health"]
    assert one == colours(["Israeli authorities", "Gaza Ministry of Health"])
    assert set(one.values()) <= set(theme.PALETTE)


def test_missing_sources_are_grey_and_the_domain_is_sorted_and_unique():
    scale = colours(["not attributed", "Hamas", "unknown outlet", "Hamas"])
    assert list(scale) == ["Hamas", "not attributed", "unknown outlet"]
    assert scale["not attributed"] == scale["unknown outlet"] == "#999999"
    assert scale["Hamas"] in theme.PALETTE


def test_kind_scale_gives_each_kind_of_actor_its_own_colour():
    scale = theme.kind_scale().to_dict()
    assert scale["domain"] == ["state", "organization", "person", "media"]
    assert len(set(scale["range"])) == 4


def test_setup_without_inline_bundle_returns_nothing_and_enables_the_renderer(
    briefing_renderer,
):
    assert briefing_renderer is None
    assert alt.renderers.active == "briefing"
    assert alt.theme.active == "briefing"


def test_setup_returns_the_bundle_unless_the_export_runs(monkeypatch, briefing_renderer):
    monkeypatch.delenv(theme.EXPORT_ENV, raising=False)
    assert hasattr(theme.setup(), "_repr_html_")
    monkeypatch.setenv(theme.EXPORT_ENV, "1")
    assert theme.setup() is None


def test_rendered_chart_loads_nothing_from_the_network_and_escapes_article_text(
    briefing_renderer,
):
    data = pd.DataFrame({"sentence": ['Hamas said: "<b>40</b> & </script><script>x()"']})
    chart = alt.Chart(data).mark_text().encode(text="sentence")
    markup = chart._repr_mimebundle_()["text/html"]
    assert not re.search(r"<script[^>]*\bsrc\s*=", markup)
    assert not re.search(r"https?://[^\"']*\.js\b", markup)
    assert markup.count("<script") == 1 and markup.count("</script>") == 1
    assert "<b>" not in markup and " & " not in markup
    assert "\\u003cb\\u003e40\\u003c/b\\u003e \\u0026 \\u003c/script\\u003e" in markup
    # With its random element id removed, the same chart renders the same markup.
    stable = re.sub(r"briefing-chart-[0-9a-f]{12}", "ID", markup)
    assert stable == re.sub(
        r"briefing-chart-[0-9a-f]{12}", "ID", chart._repr_mimebundle_()["text/html"]
    )
    assert stable.startswith('<div id="ID" class="briefing-chart"></div><script>')
