"""Markdown with front matter and saved web pages read into the same Article shape as .txt."""

from __future__ import annotations

import socket
import warnings
from datetime import date
from pathlib import Path

import pytest

from briefing import formats
from briefing.articles import ArticleError, MetadataWarning, parse_article, read_article
from briefing.formats import (
    FormatError,
    markdown_text,
    parse_bytes,
    parse_html,
    parse_markdown,
    read_any,
    split_front_matter,
)

BODY = "Negotiators met in Cairo on Tuesday; 40 hostages could be freed."


def spans_are_valid(article) -> None:
    assert article.text == article.text.strip()
    assert article.text[: len(article.headline)] == article.headline
    assert all(0 <= a < b <= len(article.text) for a, b in article.sentences)
    assert parse_article(article.text, "again").text == article.text  # stored text re-reads


# --- Markdown ------------------------------------------------------------------------------------


def test_front_matter_language_no_is_norwegian_not_false() -> None:
    raw = "---\ntitle: Talks resume\nlanguage: no\n---\n\n" + BODY + "\n"
    assert parse_markdown(raw, "m", "m.md").original_language == "no"


def test_front_matter_gives_the_metadata() -> None:
    raw = (
        "---\ntitle: Talks resume in Cairo\noutlet: Example Wire\npublished: 2024-03-05\n"
        "url: https://example.org/a\nlanguage: ar\nagency: AFP\n---\n\n" + BODY + "\n"
    )
    article = parse_markdown(raw, "m", "m.md")
    assert article.text == f"Talks resume in Cairo\n\n{BODY}"
    assert (article.title, article.outlet, article.published, article.url) == (
        "Talks resume in Cairo", "Example Wire", date(2024, 3, 5), "https://example.org/a"
    )  # fmt: skip
    assert (article.original_language, article.agency, article.language) == ("ar", "AFP", "en")
    spans_are_valid(article)


def test_front_matter_wins_over_the_source_line() -> None:
    raw = f"---\noutlet: Example Wire\n---\nHeadline\n\nSource: Other Paper\n\n{BODY}\n"
    assert parse_markdown(raw, "m").outlet == "Example Wire"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", date(2024, 3, 5)),
        ('"2024-03-05T10:00:00Z"', date(2024, 3, 5)),
        ("5 March 2024", date(2024, 3, 5)),
        ("March 5, 2024", date(2024, 3, 5)),
    ],
)
def test_published_forms(value: str, expected: date) -> None:
    meta, _ = split_front_matter(f"---\npublished: {value}\n---\nBody\n", "m.md")
    assert meta == {"published": expected}


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("published: 2024-02-30", "published '2024-02-30' is not a date (use YYYY-MM-DD)"),
        ("published: March 2024", "published 'March 2024' is not a date (use YYYY-MM-DD)"),
        ("date: soon", "date 'soon' is not a date (use YYYY-MM-DD)"),
        ("title: [a, b]", "title must be text, not ['a', 'b']"),
        ("- just\n- a list", "is not a list of 'key: value' lines"),
        ("title: 'unclosed", "is not valid YAML (line 3: found unexpected end of stream)"),
        ("title: a\n  outlet: b: c",
         "is not valid YAML (line 3: mapping values are not allowed here)"),
        ("a: &a [x, x, x]\nb: &b [*a, *a, *a]\ntitle: [*b, *b, *b]",
         "is not valid YAML (line 3: aliases (*name) are not allowed)"),
        ("title: [" + ", ".join(["word"] * 500) + "]",
         "title must be text, not ['word', 'word', 'word', 'word', 'word', 'word', 'word', ..."),
    ],
)  # fmt: skip
def test_bad_front_matter_is_refused_with_the_reason(front: str, message: str) -> None:
    with pytest.raises(FormatError) as caught:
        split_front_matter(f"---\n{front}\n---\nBody\n", "m.md")
    assert str(caught.value) == f"m.md: front matter {message}"


def test_unknown_front_matter_keys_are_ignored_with_a_warning() -> None:
    with pytest.warns(MetadataWarning) as caught:
        meta, body = split_front_matter("---\ntags: [gaza]\nauthor: X\ntitle: T\n---\nB\n", "m.md")
    assert meta == {"title": "T"} and body == "B\n"
    assert str(caught[0].message) == (
        "m.md: front matter key(s) author, tags ignored (known: title, outlet, published, url,"
        " language, original_language, agency)"
    )


def test_no_front_matter_and_empty_front_matter() -> None:
    assert split_front_matter("Title\n---\nBody", "m.md") == ({}, "Title\n---\nBody")
    assert split_front_matter("---\n---\nBody\n", "m.md") == ({}, "Body\n")
    assert split_front_matter("---\r\ntitle: T\r\n...\r\nBody", "m.md") == ({"title": "T"}, "Body")


def test_front_matter_without_body_is_refused() -> None:
    with pytest.raises(FormatError, match=r"^m\.md: no article text after the front matter$"):
        parse_markdown("---\ntitle: Only a title\n---\n\n", "m", "m.md")


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("# Talks\n\nMediators **met**\nin [Cairo](https://x.org).",
         "Talks\n\nMediators met in Cairo."),
        ("## Talks ##\nBody line", "Talks\n\nBody line"),
        ("- 33 hostages\n- 1,000 prisoners\n  over six weeks",
         "33 hostages\n\n1,000 prisoners over six weeks"),
        ("1. First phase\n2) Second phase", "First phase\n\nSecond phase"),
        ("> Hamas said *no*.\n> Israel said __yes__.", "Hamas said no. Israel said yes."),
        ("![map](map.png)\nSee `the map`.\n\n---\n\n[1]: https://x.org", "See the map."),
        ("```\ncode block\n```", "code block"),
        ("snake_case and 5 * 3 * 2 stay", "snake_case and 5 * 3 * 2 stay"),
    ],
)  # fmt: skip
def test_markdown_text(markdown: str, text: str) -> None:
    assert markdown_text(markdown) == text


def test_markdown_heading_repeating_the_title_is_not_doubled() -> None:
    raw = f"---\ntitle: Talks resume\n---\n# Talks resume\n\n{BODY}\n"
    assert parse_markdown(raw, "m").text == f"Talks resume\n\n{BODY}"


# --- saved web pages ------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Hostage deal nears | Example News</title>
<meta property="og:title" content="Hostage deal nears">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-11-20T08:00:00Z">
<link rel="canonical" href="https://example.org/world/hostage-deal-nears">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Hostage deal nears</h1>
<p>Mediators in Doha said on Tuesday that a deal to free 33 hostages was close, officials said.</p>
<p>Share this article:</p>
<p>Israeli officials said the first phase would last six weeks – and that talks would resume.</p>
<table><tr><td>Killed</td><td>44,000</td></tr></table>
</article>
<footer>&copy; 2024 Example News. All rights reserved.</footer></body></html>
"""


def test_page_main_text_and_metadata() -> None:
    article = parse_html(PAGE.format(charset="utf-8").encode(), "p", "p.html")
    assert article.text == (
        "Hostage deal nears\n\n"
        "Mediators in Doha said on Tuesday that a deal to free 33 hostages was close, officials"
        " said.\n\nIsraeli officials said the first phase would last six weeks – and that talks"
        " would resume.\n\n| Killed | 44,000 |"  # tables are kept: they hold figures too
    )
    assert (article.title, article.outlet, article.published, article.url, article.path) == (
        "Hostage deal nears", "Example News", date(2024, 11, 20),
        "https://example.org/world/hostage-deal-nears", "p.html",
    )  # fmt: skip
    spans_are_valid(article)


def test_page_in_a_declared_charset_is_read_without_warning() -> None:
    data = PAGE.format(charset="windows-1252").encode("cp1252")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = parse_html(data, "p", "p.html")
    assert "six weeks – and" in article.text


def test_page_without_metadata_uses_its_text() -> None:
    data = b"<html><body><p>Four hostages were freed on Saturday, the army said.</p></body></html>"
    article = parse_html(data, "p")
    assert article.text == "Four hostages were freed on Saturday, the army said."
    assert (article.outlet, article.published, article.url) == (None, None, None)


def test_page_date_is_not_guessed_from_its_text() -> None:
    data = (
        b"<html><head><title>Truce holds</title></head><body><article><p>On October 7, 2023"
        b" Hamas took 251 hostages; the truce that began on Friday held, mediators said.</p>"
        b"</article></body></html>"
    )
    assert parse_html(data, "p").published is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
         "p.html: no article text found in the page"),
        (b"", "p.html: empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "p.html: binary file (PNG image), not text"),
    ],
)  # fmt: skip
def test_page_without_article_text_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(ArticleError) as caught:
        parse_html(data, "p", "p.html")
    assert str(caught.value) == message


def test_parser_failure_is_the_page_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args, **kwargs):
        raise RecursionError("too deep")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    with pytest.raises(
        FormatError, match=r"^p\.html: the page could not be parsed \(RecursionError\)$"
    ):
        parse_html(PAGE.format(charset="utf-8").encode(), "p", "p.html")


def test_pages_are_parsed_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args, **kwargs):
        raise AssertionError("network used")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    assert parse_html(PAGE.format(charset="utf-8").encode(), "p").outlet == "Example News"


# --- dispatch by suffix ---------------------------------------------------------------------


def test_read_any_matches_read_article_for_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Headline\n\nSource: Example Wire\n\n{BODY}\n", encoding="utf-8")
    ours, theirs = read_any(path), read_article(path)
    assert (ours.id, ours.text, ours.outlet, ours.path) == (
        theirs.id, theirs.text, theirs.outlet, theirs.path
    )  # fmt: skip


@pytest.mark.parametrize("suffix", [".md", ".MD", ".markdown", ".html", ".HTM"])
def test_read_any_dispatches_on_the_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"a{suffix}"
    if "h" in suffix.lower():
        path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    else:
        path.write_text(f"---\ntitle: Hostage deal nears\n---\n{BODY}\n", encoding="utf-8")
    assert read_any(path).title == "Hostage deal nears"


def test_unknown_suffix_is_refused_with_the_accepted_ones() -> None:
    with pytest.raises(FormatError) as caught:
        parse_bytes(b"a,b\n1,2\n", ".csv", "x.csv", "x")
    assert str(caught.value) == "x.csv: not an article file (.csv); expected .txt, .md, .html, .htm"
    with pytest.raises(ArticleError, match=r"^x: binary file \(PDF\), not text$"):
        parse_bytes(b"%PDF-1.5\n\x00", "", "x", "x")


def test_format_error_is_an_article_error() -> None:
    assert issubclass(FormatError, ArticleError)
    assert formats.FRONT_MATTER_KEYS[:5] == ("title", "outlet", "published", "url", "language")
