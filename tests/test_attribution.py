"""Who a sentence says a figure comes from."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            "According to the Gaza health ministry, 210 people were wounded.",
            "Gaza Ministry of Health",
        ),
        ("Gaza toll rises to 30,000, health ministry says.", "health ministry"),
        ("The Israeli army said 14 soldiers were killed in the ambush.", "Israel Defense Forces"),
        ("Hamas' figures show 31,000 people have been killed.", "Hamas"),
        (
            "Some 1,190 people died, according to a Reuters tally of official data.",
            "Reuters tally of official data",
        ),
        ("The toll stands at 30,000 people killed.", None),
        (
            "The war has killed 26,637 people, according to the last count published on Monday"
            " by the Ministry of Health of Gaza.",
            "Gaza Ministry of Health",
        ),
        (
            "The strikes killed 48,388 people, according to the health authorities of Gaza.",
            "Gaza Ministry of Health",
        ),
    ],
)
def test_sources(extract, body, source):
    figures = extract(body, kind="figure")
    assert [f["attribution"] for f in figures] == [source]
