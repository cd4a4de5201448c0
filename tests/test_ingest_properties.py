"""Properties of ingest and the new readers on any input: no crash, valid offsets, no-op twice.

Derandomized and without an example database, like tests/test_properties.py.
"""

from __future__ import annotations

import contextlib
import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing.articles import ArticleError, parse_article
from briefing.corpus import iter_articles, sources
from briefing.extract import extract_article
from briefing.formats import markdown_text, parse_bytes, parse_html, parse_markdown
from briefing.ingest import (
    ID_PATTERN,
    Refusal,
    article_id,
    content_hash,
    ingest,
    normalised,
    prepare,
    slug,
)

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
FEW = settings(SETTINGS, max_examples=40)

PIECES = [
    "Truce talks", "\n", "\n\n", "---\n", "title: x\n", "published: 2024-02-30\n", ": [", "#",
    "**", "*", "_", "[link](u)", "- ", "1. ", "> ", "```", "<p>", "</p>", "<html>", "<body>",
    "<title>T</title>", "<nav>Home</nav>", "<script>x</script>", "Source: AFP",
    "Share this article:",
    "40 hostages", "six-week", "Cairo", "é", "\u200b", "\ufeff", "\r", "\t", " ", "–", "’",
]  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=30).map("".join),
)
DATA = st.one_of(TEXTS.map(lambda t: t.encode("utf-8")), st.binary(max_size=200))
SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm", ".csv", ""])


def _valid(article) -> None:
    assert article.text and article.text == article.text.strip()
    assert article.text.startswith(article.headline)
    assert 0 <= article.body_start <= len(article.text)
    assert all(0 <= a < b <= len(article.text) for a, b in article.sentences)


@SETTINGS
@given(DATA, SUFFIXES)
@example(b"---\ntitle: [\n---\nx", ".md")
@example(b"<html><body></body></html>", ".html")
def test_prepare_only_refuses_and_keeps_offsets_valid(data: bytes, suffix: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            candidate = prepare(f"in/x{suffix}", data)
        except Refusal as refusal:
            assert str(refusal).startswith(f"in/x{suffix}: ")
            return
    _valid(candidate.article)
    # cleaning is idempotent: the stored text reads back as itself, offsets unchanged
    again = parse_article(candidate.article.text, "x")
    assert (again.text, again.sentences) == (candidate.article.text, candidate.article.sentences)
    assert ID_PATTERN.fullmatch(article_id(candidate.article.title, candidate.article.text))


@SETTINGS
@given(TEXTS)
def test_markdown_and_html_readers_raise_only_article_errors(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for read in (
            lambda: parse_markdown(text, "m"),
            lambda: parse_html(text.encode("utf-8"), "h"),
            lambda: parse_bytes(text.encode("utf-8"), ".md", "m.md", "m"),
        ):
            with contextlib.suppress(ArticleError):
                _valid(read())


@SETTINGS
@given(TEXTS)
def test_markdown_text_has_clean_paragraphs(text: str) -> None:
    out = markdown_text(text)
    assert all(p and p == p.strip() and "\n" not in p for p in out.split("\n\n") if out)


@SETTINGS
@given(TEXTS)
def test_normalising_is_idempotent_and_hash_ignores_case_and_spacing(text: str) -> None:
    assert normalised(normalised(text)) == normalised(text)
    spaced = "  " + "\n\n".join(text.upper().split(" ")) + "\t"
    if text.upper().casefold() == text.casefold():  # some letters change under upper()
        assert content_hash(spaced) == content_hash(text)


@SETTINGS
@given(st.text(max_size=200))
def test_slug_and_id_always_name_a_file(title: str) -> None:
    assert ID_PATTERN.fullmatch(slug(title))
    assert len(slug(title)) <= 48
    assert article_id(title, title or "x") == article_id(title, title or "x")


def _offsets_hold(corpus: Path) -> None:
    """Every record extracted from the ingested corpus points at its own words."""
    for article in iter_articles(sources([corpus])):
        for record in extract_article(article):
            if hasattr(record, "start"):
                assert article.text[record.start : record.end] == record.text


def _tree(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): None if p.is_dir() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
    }


@FEW
@given(DATA, SUFFIXES)
@example(b"Talks\n\nMediators met.", ".txt")
def test_ingesting_the_same_input_twice_is_a_no_op(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = Path(tmp, "in", f"article{suffix}")
        source.parent.mkdir()
        source.write_bytes(data)
        corpus = Path(tmp, "corpus")
        first = ingest([source], corpus)
        before = _tree(corpus)
        second = ingest([source], corpus)
        assert _tree(corpus) == before
        assert not second.changed
        if first.changed:
            assert [o.status for o in second.outcomes] == ["duplicate"]
            assert second.outcomes[0].id == first.outcomes[0].id
            stored = (corpus / "articles" / f"{first.outcomes[0].id}.txt").read_text("utf-8")
            assert parse_article(stored, "x").text == stored.removesuffix("\n")
            _offsets_hold(corpus)
        else:
            assert [o.reason for o in second.outcomes] == [o.reason for o in first.outcomes]
            assert not corpus.exists()
