"""Generated sentences: true to the data, and escaped when shown as HTML."""

from __future__ import annotations

import pandas as pd

from briefing import narrative


def test_toll_sentence_names_both_reports():
    series = pd.DataFrame(
        [
            {
                "as_of": pd.Timestamp("2024-03-01"),
                "low": 30000.0,
                "high": 30000.0,
                "qualifier": "exact",
                "attribution": "Gaza Ministry of Health",
                "outlet": "Outlet A",
            },
            {
                "as_of": pd.Timestamp("2024-03-09"),
                "low": 30960.0,
                "high": 30960.0,
                "qualifier": "at_least",
                "attribution": None,
                "outlet": "Outlet B",
            },
        ]
    )
    assert narrative.toll_sentence(series) == (
        "The reported death toll in Gaza rose from 30,000 on 1 March 2024 (per Gaza Ministry of "
        "Health, reported by Outlet A) to at least 30,960 on 9 March 2024 (reported by Outlet B), "
        "across 2 reports."
    )


def test_empty_corpus_says_so():
    assert narrative.toll_sentence(pd.DataFrame()) == (
        "The reported death toll in Gaza: no report in this corpus."
    )
    assert narrative.stage_sentence(None).startswith("No dated negotiation step")


def test_as_html_escapes_article_text():
    assert narrative.as_html("<script>x</script>") == "<p>&lt;script&gt;x&lt;/script&gt;</p>"


def test_figure_text():
    assert narrative.figure_text(200, 300, "range") == "200 to 300"
    assert narrative.figure_text(1160, 1160, "approximately") == "about 1,160"


def test_reconciliation_line_reads_like_a_ledger_entry():
    reconciled = pd.DataFrame(
        [
            {
                "measure": "hostages_taken",
                "group": "hostages",
                "scope": "incident",
                "as_of": pd.Timestamp("2023-10-07"),
                "min": 250.0,
                "max": 253.0,
                "sources": 3,
                "grade": "corroborated",
                "disagreement": "rounding",
            }
        ]
    )
    assert narrative.reconciliation_lines(reconciled) == [
        "Hostages taken / hostages / incident, 7 October 2023: 250 to 253 "
        "(3 sources; corroborated; differ by rounding)"
    ]


def test_headline_takes_the_latest_group_of_each_measure():
    reconciled = pd.DataFrame(
        [
            {
                "measure": "killed",
                "group": "Palestinians",
                "scope": "cumulative",
                "as_of": pd.Timestamp(day),
                "min": low,
                "max": high,
                "sources": 1,
                "attributions": ["Gaza Ministry of Health"],
                "grade": "acknowledged by a party",
            }
            for day, low, high in (
                ("2024-03-01", 30000.0, 30000.0),
                ("2024-03-09", 30900.0, 30960.0),
            )
        ]
    )
    headline = narrative.headline_figures(reconciled)
    assert headline[["measure", "figure"]].values.tolist() == [
        ["Killed in Gaza (running total)", "30,900 – 30,960"]
    ]
