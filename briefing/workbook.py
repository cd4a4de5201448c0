"""What every notebook does first: offline charts on, the corpus loaded, a line saying which."""

from __future__ import annotations

from pathlib import Path

from IPython.display import HTML, display

from briefing import charts
from briefing.corpus import Corpus, load_corpus
from briefing.narrative import as_html


def start(
    corpus: str | Path | None = None,
    catalog: str | Path | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Corpus:
    """Enable the offline chart renderer, load the corpus within the date window, say what it is.

    The arguments are the notebook's parameters (see its ``parameters`` cell).
    """
    bundle = charts.setup()
    if bundle is not None:
        display(bundle)  # the Vega bundle, once per notebook, so charts draw offline
    loaded = load_corpus(corpus, catalog).window(date_from, date_to)
    display(HTML(as_html(f"Corpus: {loaded.summary()}.")))
    return loaded
