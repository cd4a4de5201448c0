"""Chart builders: valid Vega-Lite, tooltips that carry the sentence, inputs untouched."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from briefing import charts, compare, load_corpus, theme


@pytest.fixture(scope="module")
def corpus():
    charts.setup(inline_bundle=False)
    return load_corpus()


def test_figure_comparison_encodes_qualifiers_and_sentences(corpus):
    before = corpus.figures.copy()
    chart = charts.figure_comparison(corpus.figures, corpus.articles, "killed", "Palestinians")
    spec = chart.to_dict()
    text = json.dumps(spec)
    assert '"sentence"' in text and "Attributed to" in text
    assert "triangle-right" in text  # "at least" drawn as an arrow-head, not a plain point
    pd.testing.assert_frame_equal(corpus.figures, before)


def test_every_builder_renders_offline_to_svg(corpus):
    import vl_convert

    built = [
        charts.running_total(compare.series(corpus.figures, corpus.articles)),
        charts.mentions_heatmap(corpus.actors, corpus.articles),
        charts.roles_chart(corpus.actors, corpus.articles),
        charts.co_mention_chart(compare.co_mentions(corpus.actors), {}),
        charts.sources_chart(corpus.figures),
        charts.timeline_chart(corpus.timeline()),
        charts.terms_chart(compare.terms(corpus.figures, corpus.articles)),
    ]
    for chart in built:
        svg = vl_convert.vegalite_to_svg(chart.to_dict())
        assert svg.startswith("<svg") and "<path" in svg


def test_renderer_embeds_a_spec_that_cannot_close_its_script(corpus):
    bundle = theme._render({"data": {"values": [{"sentence": "</script><script>alert(1)"}]}})
    markup = bundle["text/html"]
    assert markup.count("</script>") == 1 and "<script>alert" not in markup
    assert "vegaEmbed" in markup and "cdn" not in markup.lower()


def test_articles_without_outlet_or_catalog_still_chart(tmp_path):
    (tmp_path / "talks.txt").write_text(
        "Talks resume in Cairo\n\nMediators met in Cairo on 4 March 2024 for new talks. "
        "At least 40 people were killed in Gaza on Monday, health officials said.\n",
        encoding="utf-8",
    )
    undescribed = load_corpus(tmp_path)
    assert undescribed.articles["outlet"].isna().all()
    spec = charts.timeline_chart(undescribed.timeline()).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert rows and {row["reported_by"] for row in rows} == {"unknown outlet"}
    json.dumps(spec)
