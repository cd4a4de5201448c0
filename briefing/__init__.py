"""briefing: turn news articles on ceasefire and hostage talks into traceable records.

>>> from briefing import load_corpus
>>> corpus = load_corpus()          # the seeds, with data/catalog.csv
>>> corpus.figures.shape[1] > 10
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Corpus", "extract_article", "load_corpus", "read_article"]

if TYPE_CHECKING:
    from briefing.articles import read_article
    from briefing.corpus import Corpus, load_corpus
    from briefing.extract import extract_article


def __getattr__(name: str) -> Any:
    # Imported on first use, so that `briefing extract` does not pay for pandas at start-up.
    if name in ("Corpus", "load_corpus"):
        from briefing import corpus

        return getattr(corpus, name)
    if name == "extract_article":
        from briefing.extract import extract_article

        return extract_article
    if name == "read_article":
        from briefing.articles import read_article

        return read_article
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
