"""One article in, its records out: the pure per-article extraction step.

No file access and no pandas here, so the same function serves the CLI's streaming output,
the corpus DataFrames and, later, parallel engines.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefing.actors import Mention, extract_actors, find_mentions
from briefing.articles import Article
from briefing.attribution import resolve_generic_source
from briefing.events import extract_events
from briefing.figures import extract_figures
from briefing.gazetteer import Gazetteer, default_gazetteer
from briefing.records import ArticleRecord, FigureRecord, Record


def article_record(article: Article) -> ArticleRecord:
    """The contract's ``article`` record: metadata and the size of the cleaned body."""
    body_sentences = sum(1 for start, _ in article.sentences if start >= article.body_start)
    return ArticleRecord(
        article=article.id,
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        published=article.published.isoformat() if article.published else None,
        language=article.language,
        chars=len(article.text) - article.body_start
        if article.body_start < len(article.text)
        else 0,
        sentences=body_sentences,
        original_language=article.original_language,
        url=article.url,
        agency=article.agency,
        dateline_place=article.dateline_place,
    )


# Relative dates ("last Tuesday", "the following month") are worked out from the publication
# date. One outside these years is a typo or a placeholder ("0001-01-01"), and the calendar
# arithmetic near its ends overflows: such a date stays on the article record but anchors nothing.
ANCHOR_YEARS = (1900, 2200)


def anchor_date(published: date | None) -> date | None:
    """The publication date relative dates are resolved against, or None if it is implausible."""
    if published is None or not ANCHOR_YEARS[0] <= published.year <= ANCHOR_YEARS[1]:
        return None
    return published


def extract_article(article: Article, gazetteer: Gazetteer | None = None) -> list[Record]:
    """Return every record of one article: the article itself, figures, actors, events."""
    gazetteer = gazetteer or default_gazetteer()
    record = article_record(article)
    published = anchor_date(article.published)
    if published != article.published:
        article = replace(article, published=published)

    def resolve(phrase: str) -> str | None:
        return gazetteer.resolve(phrase, published)

    figures = extract_figures(article.id, article.text, article.sentences, published, resolve)
    mentions = find_mentions(article.text, gazetteer, published)
    figures = _generic_sources(figures, mentions, gazetteer)
    figures = _named_sources(figures, mentions, article.text, gazetteer)
    sources = {f.attribution for f in figures if f.attribution}
    actors = extract_actors(article.id, article.text, gazetteer, published, sources, mentions)
    events = extract_events(article, gazetteer, actors, mentions)
    return [record, *figures, *actors, *events]


def _generic_sources(
    figures: list[FigureRecord], mentions: list[Mention], gazetteer: Gazetteer
) -> list[FigureRecord]:
    """Figures attributed to "the ministry" or "the army", given the actor meant."""
    earlier = [(m.start, m.name) for m in mentions if m.name in gazetteer.actors]
    out = []
    for figure in figures:
        source = resolve_generic_source(
            figure.attribution,
            figure.start,
            earlier,
            gazetteer.words_of,
            lambda name: gazetteer.actors[name].kind in ("organization", "state"),
        )
        out.append(figure if source == figure.attribution else replace(figure, attribution=source))
    return out


def _named_sources(
    figures: list[FigureRecord], mentions: list[Mention], text: str, gazetteer: Gazetteer
) -> list[FigureRecord]:
    """Figures attributed to a known actor by a surname or a spelling, given its full name.

    "Hagari said fewer than 100 were killed", after "army spokesman Daniel Hagari": the
    source is Daniel Hagari, as the actor records have it.
    """
    spelled: dict[str, list[tuple[int, str]]] = {}
    for mention in mentions:
        if mention.name in gazetteer.actors:
            surface = text[mention.start : mention.end]
            if surface != mention.name and _spelled_out(mention, surface, mentions, text):
                spelled.setdefault(surface, []).append((mention.start, mention.name))
    out = []
    for figure in figures:
        source = figure.attribution
        if source and source not in gazetteer.actors and source in spelled:
            # the mention of that spelling nearest before the figure, else the first one
            before = [name for start, name in spelled[source] if start <= figure.start]
            named = before[-1] if before else spelled[source][0][1]
            figure = replace(figure, attribution=named)
        out.append(figure)
    return out


def _spelled_out(mention: Mention, surface: str, mentions: list[Mention], text: str) -> bool:
    """Does the article name the person in full, so that a surname alone stands for them?

    "Daniel Hagari ... Hagari said": yes. "Abbas Araghchi ... Abbas said": the surname is not
    Mahmoud Abbas's unless "Mahmoud Abbas" is written too.
    """
    if mention.how != "surname":
        return True
    return any(
        other.name == mention.name
        and other.how != "surname"
        and text[other.start : other.end].endswith(" " + surface)
        for other in mentions
    )
