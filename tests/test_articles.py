"""Reading article files: encodings, headline and body, page furniture, metadata, bad files."""

from __future__ import annotations

import re
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.articles import (
    ArticleError,
    MetadataWarning,
    decode,
    parse_article,
    read_article,
)

BAD = Path(__file__).parent / "data" / "bad"

HEADLINE = "Truce talks resume in Cairo"
BODY_1 = "Negotiators met on Tuesday to discuss a six-week pause."
BODY_2 = "The mediators said more talks would follow."
CLEAN = f"{HEADLINE}\n\n{BODY_1}\n\n{BODY_2}"


def parse(raw: str) -> str:
    return parse_article(raw, "t").text


# --- headline and body --------------------------------------------------------------------


def test_headline_blank_line_body() -> None:
    article = parse_article(f"{HEADLINE}\n\n{BODY_1}\n\n{BODY_2}\n", "t")
    assert article.text == CLEAN
    assert article.headline == HEADLINE
    assert article.title == HEADLINE
    assert article.body_start == len(HEADLINE) + 2
    assert article.text[article.body_start :] == f"{BODY_1}\n\n{BODY_2}"
    assert article.id == "t"
    assert article.language == "en"


def test_extra_blank_lines_and_spaces_are_collapsed() -> None:
    raw = f"\n\n  {HEADLINE}  \n\n\n\n{BODY_1.replace(' ', '   ')}\n \n\t\n{BODY_2}\t\n\n"
    assert parse(raw) == CLEAN


def test_single_newlines_become_paragraphs() -> None:
    assert parse(f"{HEADLINE}\n{BODY_1}\n{BODY_2}") == CLEAN


def test_invisible_characters_and_nbsp_are_cleaned() -> None:
    raw = f"Truce\u00a0talks resume in\u200b Cairo\n\n{BODY_1}\n\n{BODY_2}"
    assert parse(raw) == CLEAN


def test_headline_only() -> None:
    article = parse_article(HEADLINE, "t")
    assert article.text == HEADLINE
    assert article.body_start == len(HEADLINE)


def test_sentences_are_spans_of_the_text() -> None:
    article = parse_article(CLEAN, "t")
    assert [article.text[a:b] for a, b in article.sentences] == [HEADLINE, BODY_1, BODY_2]


# --- page furniture -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "Skip to content",
        "Skip to main content",
        "Share this article:",
        "Share this article",
        "Read Also: Hostage families rally in Tel Aviv",
        "Read more: Thai workers wait for news",
        "gaza_truce-talks 2024.jpg",
        "rafah-crossing.png",
        "Advertisement",
        "Photo: Reuters",
        "Tags: Gaza, Hamas, Israel",
        HEADLINE,  # the page repeats its headline
        HEADLINE.upper() + ".",  # ... in another case and with punctuation
        "Your email address will not be published. Required fields are marked *",
        "Required fields are marked *",
    ],
)
def test_furniture_line_is_removed(furniture: str) -> None:
    raw = f"{HEADLINE}\n\n{BODY_1}\n\n{furniture}\n\n{BODY_2}\n"
    assert parse(raw) == CLEAN


def test_furniture_before_the_headline_is_removed() -> None:
    raw = f"Skip to content\nShare this article:\n\n{HEADLINE}\n{HEADLINE}\n\n{BODY_1}\n{BODY_2}"
    assert parse(raw) == CLEAN


def test_leave_a_reply_ends_the_article() -> None:
    raw = (
        f"{HEADLINE}\n\n{BODY_1}\n\n{BODY_2}\n\nLeave a Reply\n"
        "Your email address will not be published.\n"
        "Great article, thanks for sharing.\nName\nEmail\nWebsite\n"
    )
    assert parse(raw) == CLEAN


def test_end_marker_followed_by_a_long_paragraph_keeps_it() -> None:
    long_paragraph = " ".join(["Mediators in Doha said the talks would go on."] * 5)
    assert len(long_paragraph.split()) >= 40
    raw = f"{HEADLINE}\n\n{BODY_1}\n\nLeave a Reply\n\n{long_paragraph}\n"
    assert parse(raw) == f"{HEADLINE}\n\n{BODY_1}\n\n{long_paragraph}"


def test_body_sentences_resembling_furniture_words_are_kept() -> None:
    body = "Share prices in Tel Aviv fell after the talks stalled."
    assert parse(f"{HEADLINE}\n\n{body}") == f"{HEADLINE}\n\n{body}"


def test_all_furniture_raises() -> None:
    with pytest.raises(ArticleError, match="no article text"):
        parse_article("Skip to content\n\nShare this article:\n", "t")


# --- metadata from the text -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Source: Example Wire", "Example Wire"),
        ("Source: CNN Brasil", "CNN Brasil"),
        ("SOURCE : AFP", "AFP"),
        ("Source: https://www.noticiasaominuto.com/mundo/2498195/hamas", "noticiasaominuto.com"),
        ("Source: http://example.org/news/1", "example.org"),
        ("Source: www.ynet.co.il", "ynet.co.il"),
    ],
)
def test_source_line_gives_outlet_and_is_removed(line: str, outlet: str) -> None:
    article = parse_article(f"{HEADLINE}\n\n{line}\n{BODY_1}\n\n{BODY_2}", "t")
    assert article.outlet == outlet
    assert article.text == CLEAN


def test_no_source_line_means_unknown_outlet() -> None:
    assert parse_article(CLEAN, "t").outlet is None


def test_dateline_gives_published_date_and_place() -> None:
    first = f"24th February 2024 – (Paris) {BODY_1}"
    article = parse_article(f"{HEADLINE}\n\n{first}\n\n{BODY_2}", "t")
    assert article.published == date(2024, 2, 24)
    assert article.dateline_place == "Paris"
    # the dateline is part of the article's words: it stays in the text
    assert article.text == f"{HEADLINE}\n\n{first}\n\n{BODY_2}"


def test_place_comma_date_dateline() -> None:
    first = f"Cairo, February 24, 2024 — {BODY_1}"
    article = parse_article(f"{HEADLINE}\n\n{first}", "t")
    assert (article.published, article.dateline_place) == (date(2024, 2, 24), "Cairo")


def test_wire_dateline_gives_place_only() -> None:
    article = parse_article(f"{HEADLINE}\n\nCAIRO (AFP) — {BODY_1}", "t")
    assert (article.published, article.dateline_place) == (None, "Cairo")


def test_published_line_gives_date_and_is_removed() -> None:
    article = parse_article(f"{HEADLINE}\nPublished: 24 February 2024\n{BODY_1}\n{BODY_2}", "t")
    assert article.published == date(2024, 2, 24)
    assert article.text == CLEAN


def test_no_date_means_unknown_published() -> None:
    assert parse_article(CLEAN, "t").published is None


# --- decoding ------------------------------------------------------------------------------


def test_decode_utf8_with_bom() -> None:
    assert decode("\ufeffGaza — café".encode(), "x.txt") == "Gaza — café"


def test_decode_cp1252_warns_and_names_the_file() -> None:
    with pytest.warns(MetadataWarning, match=r"x\.txt"):
        assert decode("Gaza – café".encode("cp1252"), "x.txt") == "Gaza – café"


def test_decode_utf8_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode("Gaza – café".encode(), "x.txt") == "Gaza – café"


def test_read_utf8_bom_crlf_file() -> None:
    path = BAD / "bom_crlf.input"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        article = read_article(path)
    assert article.text == (
        "Truce talks resume in Cairo\n\nNegotiators met on Tuesday.\n\n"
        "Mediators said more talks would follow."
    )
    assert article.outlet == "Example Wire"
    assert article.id == "bom_crlf"
    assert article.path == str(path)
    assert "\r" not in article.text and "\ufeff" not in article.text


def test_read_cp1252_file_warns() -> None:
    path = BAD / "cp1252.input"
    with pytest.warns(MetadataWarning, match="cp1252"):
        article = read_article(path)
    assert article.text == (
        "Café owners in Rafah fear the offensive – report\n\nNegotiators met in a café on Tuesday."
    )


def test_article_id_can_be_given() -> None:
    assert read_article(BAD / "bom_crlf.input", "custom-id").id == "custom-id"


def test_carriage_returns_alone_are_line_breaks() -> None:
    assert parse(f"{HEADLINE}\r\r{BODY_1}\r{BODY_2}\r") == CLEAN


# --- bad files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.input", "empty"),
        ("whitespace_only.input", "empty"),
        ("pdf_header.input", "binary"),
        ("nul_bytes.input", "binary"),
        ("only_furniture.input", "no article text"),
    ],
)
def test_bad_file_raises_article_error_naming_the_file(name: str, reason: str) -> None:
    path = BAD / name
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)


def test_folder_raises_article_error(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    with pytest.raises(ArticleError) as caught:
        read_article(folder)
    assert str(folder) in str(caught.value)


def test_missing_file_raises_article_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(ArticleError) as caught:
        read_article(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\r\n\t",
        b"%PDF-1.7\nheadline\n",
        b"PK\x03\x04 zipped",
        b"\x89PNG\r\n\x1a\n",
        b"Head\x00line\n\nbody",
        ("Headline\n\n" + "x\x01" * 50).encode(),
    ],
)
def test_decode_rejects_empty_and_binary(data: bytes) -> None:
    with pytest.raises(ArticleError, match=r"^bad\.txt: "):
        decode(data, "bad.txt")


def test_article_error_is_a_value_error() -> None:
    assert issubclass(ArticleError, ValueError)


# --- idempotence -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        f"{HEADLINE}\n\n{BODY_1}\n\n{BODY_2}",
        f"Skip to content\n{HEADLINE}\n{HEADLINE}\nSource: www.example.com/a\n"
        f"24th February 2024 – (Paris) {BODY_1}\nShare this article:\nphoto.jpg\n"
        f"Read Also: Something else\n{BODY_2}\n\nLeave a Reply\nYour email address will not be "
        "published.\n",
        f"\ufeff{HEADLINE}\r\n\r\n{BODY_1}\u00a0\u200b\r\n{BODY_2}",
    ],
)
def test_cleaning_is_idempotent(raw: str) -> None:
    first = parse_article(raw, "t")
    second = parse_article(first.text, "t")
    assert second.text == first.text
    assert second.headline == first.headline
    assert second.body_start == first.body_start
    assert second.sentences == first.sentences


def test_messy_page_cleans_to_the_article() -> None:
    raw = (
        "Skip to content\n"
        f"{HEADLINE}\n\n"
        "Source: Example Wire\n"
        f"12th March 2024 – (Cairo) {BODY_1}\n\n"
        "Share this article:\n"
        "Read Also: Other story about the war\n"
        "truce_talks-2024.jpg\n"
        f"{HEADLINE}\n"
        f"{BODY_2}\n\n"
        "Leave a Reply\n"
        "Your email address will not be published. Required fields are marked *\n"
        "Comment text here.\n"
    )
    article = parse_article(raw, "t")
    assert article.text == f"{HEADLINE}\n\n12th March 2024 – (Cairo) {BODY_1}\n\n{BODY_2}"
    assert article.outlet == "Example Wire"
    assert article.published == date(2024, 3, 12)
    assert article.dateline_place == "Cairo"


# --- review fixes -------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["February 2024", "2024", "Spring 2024"])
def test_partial_dates_are_not_publication_dates(value):
    from briefing.articles import parse_date

    assert parse_date(value) is None


def test_fullwidth_and_styled_characters_are_made_plain():
    from briefing.articles import parse_article

    article = parse_article("Title\n\nＨａｍａｓ said 𝟏𝟐 people were killed.", "x")
    assert article.text.endswith("Hamas said 12 people were killed.")


def test_language_by_script_and_undetermined():
    from briefing.articles import guess_language

    assert guess_language("مرحبا بالعالم هذا نص عربي") == "ar"
    assert guess_language("Xyzzy plugh") == "und"


_LINE_CHARS = " \t\u00a0\u2000\u200a\u202f\u3000\u200b\u00adabcßﬁẞΣσς-.,12Ｈ𝟏é\u0301"


@given(st.text(alphabet=_LINE_CHARS, max_size=30))
def test_quick_line_cleaning_matches_the_plain_steps(line: str) -> None:
    """Cleaning skips the steps that change nothing; the result is the plain one's."""
    import unicodedata

    from briefing import articles

    plain = unicodedata.normalize("NFKC", line.translate(articles._INVISIBLE))
    plain = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", plain).strip()
    assert articles._clean_line(line) == plain


@given(st.text(alphabet=_LINE_CHARS, max_size=20), st.text(alphabet=_LINE_CHARS, max_size=20))
def test_a_repeated_line_is_told_by_its_first_letter_as_by_its_whole_key(line, other) -> None:
    from briefing import articles

    for key in (articles._line_key(other), articles._line_key(line)):
        assert articles._same_line(line, key) == (articles._line_key(line) == key)


# --- Hard-wrapped plain text -----------------------------------------------------------------

WRAPPED_PARAGRAPHS = [
    "Qatari mediators said on Wednesday that Hamas had handed over its reply to the "
    "framework agreed in Paris, which foresees a six-week pause in the fighting and the "
    "release of at least 35 hostages in its first phase.",
    "The Gaza health ministry said at least 27,840 people had been killed since October 7, "
    "while Israeli officials put the number of hostages still held at around 130, of whom "
    "29 are believed to be dead. The cease-fire proposal would also allow more aid trucks "
    "into the north of the strip.",
]


def wrap(paragraph: str, width: int) -> str:
    """Break a paragraph at spaces and after hyphens, as a mail client or wire feed does."""
    lines, line = [], ""
    for word in re.findall(r"\S+?-(?=\w)|\S+", paragraph):
        glue = "" if not line or line.endswith("-") else " "
        if line and len(line) + len(glue) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line += glue + word
    return "\n".join([*lines, line])


@pytest.mark.parametrize("width", [60, 72, 80])
def test_hard_wrapped_text_reads_as_its_paragraphs(width):
    flowing = parse_article(HEADLINE + "\n\n" + "\n\n".join(WRAPPED_PARAGRAPHS), "a")
    wrapped_raw = HEADLINE + "\n\n" + "\n\n".join(wrap(p, width) for p in WRAPPED_PARAGRAPHS)
    assert wrapped_raw.count("\n") > 8  # the paragraphs are really wrapped
    wrapped = parse_article(wrapped_raw, "a")
    assert wrapped.text == flowing.text
    assert "cease-fire" in wrapped.text and wrapped.headline == HEADLINE


def test_a_figure_wrapped_between_its_qualifier_and_count_keeps_the_qualifier(extract):
    body = (
        "The Gaza health ministry said on Sunday that at least\n"
        "27,840 people had been killed in the strip since October\n"
        "7, while Israeli officials put the number of hostages still\n"
        "held in Gaza at around 130, of whom 29 are believed dead."
    )
    figures = {f["low"]: f for f in extract(body, kind="figure")}
    assert figures[27840]["qualifier"] == "at_least"
    assert figures[130]["qualifier"] == "approximately"


def test_page_furniture_in_a_wrapped_text_stays_apart_and_is_dropped():
    raw = (
        HEADLINE + "\n\n" + wrap(WRAPPED_PARAGRAPHS[0], 72) + "\nShare this article:\n\n"
        + wrap(WRAPPED_PARAGRAPHS[1], 72)
    )  # fmt: skip
    article = parse_article(raw, "a")
    assert "Share this" not in article.text
    assert article.text == "\n\n".join([HEADLINE, *WRAPPED_PARAGRAPHS])


def test_one_paragraph_per_line_is_not_joined():
    lines = [HEADLINE, BODY_1, *WRAPPED_PARAGRAPHS, "Talks will resume on Sunday in Doha."]
    article = parse_article("\n".join(lines), "a")
    assert article.text == "\n\n".join(lines)


@pytest.mark.parametrize(
    "body",
    [
        "The ministry said 100 people were kılled on 5 Aprıl 2024.",
        "GAZA TRUCE: HAMAS FREES 10 HOSTAGES, 100 AİD TRUCKS ENTER, MİLLİONS WAIT",
        "Mıllions of people fled. On Frıday 1.5 mıllion were displaced.",
    ],
)
def test_turkish_i_letters_read_as_plain_i(extract, body):
    # A Turkish keyboard or upper-casing put "ı"/"İ" where "i" is meant; extraction once
    # crashed on them (KeyError in the word lists). Now they read as "i" and "I".
    records = extract(body)
    assert any(r["type"] == "figure" for r in records)
    assert "ı" not in parse_article(body, "t").text and "İ" not in parse_article(body, "t").text


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le-bom", "utf-32-be-bom", "utf-16"])
def test_unicode_files_with_a_byte_order_mark_read_as_text(encoding: str) -> None:
    if encoding.endswith("-bom"):
        codec = encoding.removesuffix("-bom")
        data = "\ufeff".encode(codec) + CLEAN.encode(codec)
    else:
        data = CLEAN.encode(encoding)
    text = decode(data, "a.txt")
    assert text.lstrip("\ufeff") == CLEAN
    assert "\x00" not in text


def test_terminal_colour_codes_are_removed_not_taken_for_binary() -> None:
    coloured = f"\x1b[1m{HEADLINE}\x1b[0m\n\n\x1b[32m{BODY_1}\x1b[0m\n\n{BODY_2}"
    assert decode(coloured.encode(), "console.txt") == CLEAN


def test_nul_bytes_behind_a_utf16_mark_are_refused() -> None:
    with pytest.raises(ArticleError, match=r"^a.txt: not UTF-16"):
        decode(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\x00" + b"c\x00", "a.txt")


@pytest.mark.parametrize(
    ("written", "cleaned"),
    [
        ("Some ¾ million people fled.", "Some 0.75 million people fled."),
        ("About 2½ million live there.", "About 2.5 million live there."),
        ("About 2 ½ million live there.", "About 2.5 million live there."),
        ("Only ¼ of the aid arrived.", "Only 0.25 of the aid arrived."),
    ],
)
def test_vulgar_fractions_become_decimals_not_run_together_digits(written, cleaned) -> None:
    assert parse(f"{HEADLINE}\n\n{written}").endswith(cleaned)


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_digit_groups_split_by_a_no_break_space_stay_one_number(space) -> None:
    text = parse(f"{HEADLINE}\n\nAt least 30{space}000 people were killed.")
    assert text.endswith("At least 30\u202f000 people were killed.")


def test_unicode_line_and_paragraph_separators_end_lines() -> None:
    text = parse(f"{HEADLINE}\u2029{BODY_1}\u2028{BODY_2}")
    assert text == CLEAN


def test_a_stray_nul_byte_in_an_article_is_dropped_with_a_warning() -> None:
    body = "\n\n".join([BODY_1, BODY_2] * 10)  # an article's length: the bytes are stray
    data = f"{HEADLINE}\n\n{BODY_1}\x00\n\n{body}\x07".encode()
    with pytest.warns(MetadataWarning, match=r"a.txt: 2 stray control byte\(s\)"):
        assert decode(data, "a.txt") == f"{HEADLINE}\n\n{BODY_1}\n\n{body}"


def test_text_full_of_control_bytes_is_still_binary() -> None:
    with pytest.raises(ArticleError, match="binary file"):
        decode(b"\x00\x01\x02abc" * 200, "a.bin")
