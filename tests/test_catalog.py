"""The analyst's catalog: validation errors that point at the line, and metadata merging."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

from briefing.articles import MetadataWarning, parse_article
from briefing.catalog import CatalogError, Entry, apply_entry, read_catalog

BAD = Path(__file__).parent / "data" / "bad"
HEADER = "id,title,outlet,published,original_language,url"


def write(tmp_path: Path, text: str, name: str = "catalog.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def entry(**fields: object) -> Entry:
    values: dict[str, object] = {
        "id": "t",
        "title": None,
        "outlet": None,
        "published": None,
        "original_language": None,
        "url": None,
    }
    values.update(fields)
    return Entry(**values)  # type: ignore[arg-type]


# --- reading --------------------------------------------------------------------------------


def test_read_valid_catalog(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{HEADER},agency\n"
        'a1,"Talks resume, again",Example Wire,2024-02-24,pt,https://example.com/a1,AFP\n'
        "a2,Other,,,,,\n",
    )
    entries = read_catalog(path)
    assert list(entries) == ["a1", "a2"]
    assert entries["a1"] == Entry(
        id="a1",
        title="Talks resume, again",
        outlet="Example Wire",
        published=date(2024, 2, 24),
        original_language="pt",
        url="https://example.com/a1",
        agency="AFP",
    )
    # empty cells are unknown, not empty strings
    assert entries["a2"] == Entry("a2", "Other", None, None, None, None, None)


def test_agency_column_is_optional(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\na1,T,O,2024-02-24,en,\n")
    assert read_catalog(path)["a1"].agency is None


def test_excel_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, f"\ufeff{HEADER}\r\na1,T,O,2024-02-24,en,\r\n")
    assert read_catalog(path)["a1"].published == date(2024, 2, 24)


def test_cells_are_stripped(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\n a1 , T , Example Wire ,2024-02-24 ,en,\n")
    found = read_catalog(path)["a1"]
    assert (found.id, found.outlet, found.published) == ("a1", "Example Wire", date(2024, 2, 24))


# --- errors ---------------------------------------------------------------------------------


def test_missing_columns_name_the_file_and_the_columns() -> None:
    path = BAD / "missing_columns.csv"
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    message = str(caught.value)
    assert str(path) in message
    assert "original_language" in message and "url" in message


def test_empty_catalog_is_missing_every_column(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    with pytest.raises(CatalogError, match="missing column"):
        read_catalog(path)


def test_duplicate_id_names_file_line_and_id() -> None:
    path = BAD / "duplicate_id.csv"
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    message = str(caught.value)
    # header is line 1; x1 first appears on line 2 and again on line 4
    assert message.startswith(f"{path}: line 4:")
    assert "'x1'" in message and "duplicate" in message


def test_bad_date_names_file_line_and_value() -> None:
    path = BAD / "bad_date.csv"
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line 3:")
    assert "24/02/2024" in message


@pytest.mark.parametrize("value", ["2024-02-30", "24 February 2024", "2024/02/24", "yesterday"])
def test_non_iso_or_impossible_dates_are_rejected(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, f"{HEADER}\na1,T,O,{value},en,\n")
    with pytest.raises(CatalogError, match="line 2"):
        read_catalog(path)


def test_empty_id_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\na1,T,O,2024-02-24,en,\n ,T,O,2024-02-24,en,\n")
    with pytest.raises(CatalogError, match=r"line 3: empty id"):
        read_catalog(path)


def test_ids_differing_only_by_spaces_are_duplicates(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\na1,T,O,,en,\na1 ,T,O,,en,\n")
    with pytest.raises(CatalogError, match="line 3: duplicate id 'a1'"):
        read_catalog(path)


def test_missing_catalog_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.csv"
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert str(path) in str(caught.value)


def test_non_utf8_catalog_is_a_catalog_error(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\na1,Café talks,O,2024-02-24,fr,\n", encoding="cp1252")
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert str(path) in str(caught.value)


def test_line_numbers_are_file_lines_after_a_blank_line() -> None:
    # Regression: at 80771a1 line numbers counted CSV rows, not file lines.
    path = BAD / "blank_line_duplicate.csv"  # the repeated x1 is on line 5 (line 3 is blank)
    with pytest.raises(CatalogError, match=r": line 5: duplicate id 'x1'"):
        read_catalog(path)


def test_line_numbers_are_file_lines_after_a_multiline_cell(tmp_path: Path) -> None:
    # Regression (as above): a quoted title spanning two lines shifted line numbers.
    path = write(
        tmp_path, f'{HEADER}\na1,"Two\nline title",O,2024-02-24,en,\na2,T,O,24/02/2024,en,\n'
    )
    with pytest.raises(CatalogError, match=r": line 4: published"):
        read_catalog(path)


# --- applying entries -------------------------------------------------------------------------


def article(raw: str = "Truce talks\n\nNegotiators met.", **fields: object):
    parsed = parse_article(raw, "t", path="articles/t.txt")
    for key, value in fields.items():
        setattr(parsed, key, value)
    return parsed


def test_catalog_values_override_and_fill() -> None:
    art = article(outlet=None, published=None)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        apply_entry(
            art,
            entry(
                title="Catalog title",
                outlet="Example Wire",
                published=date(2024, 2, 24),
                original_language="pt",
                url="https://example.com/t",
                agency="AFP",
            ),
        )
    assert (art.title, art.outlet, art.published) == (
        "Catalog title",
        "Example Wire",
        date(2024, 2, 24),
    )
    assert (art.original_language, art.url, art.agency) == ("pt", "https://example.com/t", "AFP")
    # the catalog's title does not change the text or its headline
    assert art.text == "Truce talks\n\nNegotiators met."
    assert art.headline == "Truce talks"


def test_empty_catalog_cells_keep_the_text_values() -> None:
    art = article(outlet="Example Wire", published=date(2024, 2, 24))
    apply_entry(art, entry())
    assert (art.title, art.outlet, art.published) == (
        "Truce talks",
        "Example Wire",
        date(2024, 2, 24),
    )


def test_no_entry_changes_nothing() -> None:
    art = article(outlet="Example Wire")
    assert apply_entry(art, None) is art
    assert art.outlet == "Example Wire"


def test_outlet_disagreement_warns_and_catalog_wins() -> None:
    art = article("Truce talks\n\nSource: Le Monde\nNegotiators met.")
    assert art.outlet == "Le Monde"
    with pytest.warns(MetadataWarning) as caught:
        apply_entry(art, entry(outlet="Al Jazeera"))
    assert art.outlet == "Al Jazeera"
    message = str(caught[0].message)
    assert "articles/t.txt" in message
    assert "Al Jazeera" in message and "Le Monde" in message


def test_date_disagreement_warns_and_catalog_wins() -> None:
    art = article("Truce talks\n\n24th February 2024 – (Paris) Negotiators met.")
    assert art.published == date(2024, 2, 24)
    with pytest.warns(MetadataWarning) as caught:
        apply_entry(art, entry(published=date(2024, 2, 23)))
    assert art.published == date(2024, 2, 23)
    assert "articles/t.txt" in str(caught[0].message)
    assert "2024-02-23" in str(caught[0].message) and "2024-02-24" in str(caught[0].message)


@pytest.mark.parametrize(
    ("text_outlet", "catalog_outlet"),
    [
        ("noticiasaominuto.com", "Notícias ao Minuto"),
        ("Le Parisien", "le parisien"),
        ("ynet.co.il", "Ynet"),
    ],
)
def test_same_outlet_spelled_differently_does_not_warn(
    text_outlet: str, catalog_outlet: str
) -> None:
    art = article(outlet=text_outlet)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        apply_entry(art, entry(outlet=catalog_outlet))
    assert art.outlet == catalog_outlet


def test_agreeing_date_does_not_warn() -> None:
    art = article(published=date(2024, 2, 24))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        apply_entry(art, entry(published=date(2024, 2, 24)))


def test_short_outlet_name_is_not_a_substring_match() -> None:
    # Regression: at 80771a1 outlets matched by substring, so "AP" matched "Japan Times".
    art = article(outlet="AP")
    with pytest.warns(MetadataWarning):
        apply_entry(art, entry(outlet="Japan Times"))


def test_an_unclosed_quote_is_refused_not_read_into_one_title(tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text(
        "id,title,outlet,published,original_language,url\n"
        'a,"Title A,CNN,2024-01-01,en,\n'
        "b,Title B,BBC,2024-01-02,en,\n",
        encoding="utf-8",
    )
    with pytest.raises(
        CatalogError, match=r"line 2: not a valid CSV file \(a quote is never closed\)"
    ):
        read_catalog(path)
