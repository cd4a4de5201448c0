"""HTML tables: article text escaped, each figure linked to its source."""

from __future__ import annotations

import pandas as pd

from briefing.tables import ledger_table


def test_ledger_escapes_and_links():
    figures = pd.DataFrame(
        [
            {
                "article": "a<1>",
                "measure": "killed",
                "low": 30.0,
                "high": 30.0,
                "qualifier": "at_least",
                "text": "at least 30",
                "attribution": "<b>ministry</b>",
                "as_of": pd.Timestamp("2024-03-05"),
                "status": "reported",
                "outlet": "Wire & Co",
                "sentence": "At least 30 died <script>x</script>.",
            }
        ]
    )
    html = ledger_table(figures)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="#source-a&lt;1&gt;">a&lt;1&gt;</a>' in html
    assert "<td>at least 30</td>" in html and "<td>Wire &amp; Co</td>" in html
    assert "<td>2024-03-05</td>" in html
