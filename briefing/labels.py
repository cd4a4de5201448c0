"""Words for showing records to people: measure names, units, and how a figure reads.

One place, so a chart label, a table and a generated sentence never disagree on "about 250"
or "200 to 300". No pandas or charting imports: anything may use it.
"""

from __future__ import annotations

MEASURE_LABELS = {
    "killed": "Killed",
    "injured": "Injured",
    "hostages_taken": "Hostages taken",
    "hostages_held": "Hostages still held",
    "hostages_dead": "Hostages believed dead",
    "hostages_alive": "Hostages believed alive",
    "hostages_released": "Hostages released",
    "prisoners_released": "Prisoners released",
    "remains_returned": "Remains returned",
    "displaced": "Displaced",
    "missing": "Missing",
    "duration": "Duration of a truce or phase",
    "phases": "Phases of a deal",
    "aid_trucks": "Aid trucks",
    "other": "Other counts",
}
UNIT_LABELS = {"people": "people", "days": "days", "trucks": "trucks", "count": "phases"}
_PREFIXES = {"at_least": "at least ", "at_most": "up to ", "approximately": "about "}


def format_figure(low: float, high: float, qualifier: str) -> str:
    """How a figure reads: "at least 29,514", "about 250", "200 to 300".

    >>> format_figure(200, 999, "approximately"), format_figure(1160, 1160, "at_least")
    ('200 to 999', 'at least 1,160')
    """
    if qualifier == "range" or low != high:
        return f"{low:,.0f} to {high:,.0f}"
    return f"{_PREFIXES.get(qualifier, '')}{low:,.0f}"


def measure_label(measure: str) -> str:
    """The readable name of a measure ("hostages_held" → "Hostages still held")."""
    return MEASURE_LABELS.get(measure, measure.replace("_", " ").capitalize())
