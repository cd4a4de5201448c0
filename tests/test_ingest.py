"""Ingest: every input added, reported as a duplicate or refused with its reason; atomic writes.

The adversarial inputs are in tests/data/bad/; each test states the exact message, exit code,
and that the corpus is byte for byte what it was.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import atomic, config, ingest
from briefing.cli import main
from briefing.corpus import article_paths, find_catalog, load_corpus
from briefing.ingest import IngestError, Outcome, Summary, article_id, content_hash, parse_size

BAD = Path(__file__).parent / "data" / "bad"
ARTICLE = (
    "Truce talks resume in Cairo\n\n"
    "Negotiators met in Cairo on Tuesday; 40 hostages could be freed.\n"
)
OTHER = "Aid trucks wait at Rafah\n\nSome 600 trucks a day would enter Gaza under the proposal.\n"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Hostage deal nears | Example News</title>
<meta property="og:title" content="Hostage deal nears">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-11-20T08:00:00Z">
<link rel="canonical" href="https://example.org/world/hostage-deal-nears">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Hostage deal nears</h1>
<p>Mediators in Doha said on Tuesday that a deal to free 33 hostages was close, {extra}</p>
<p>Israeli officials said the first phase would last six weeks and that talks would resume.</p>
</article><footer>&copy; 2024 Example News</footer></body></html>
"""
MARKDOWN = """---
title: Hamas replies to the Paris framework
outlet: Example Wire
published: 2024-02-07
url: https://example.org/hamas-reply
language: en
---

# Hamas replies to the Paris framework

Hamas delivered its **reply** on Tuesday,
proposing a *135-day* truce in three phases.
"""


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its bytes (None for a folder)."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): (None if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }


def leftovers(corpus: Path) -> list[str]:
    return sorted(p.name for p in corpus.parent.glob(f".{corpus.name}.*"))


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "cairo.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture()
def corpus(tmp_path: Path, inbox: Path) -> Path:
    """A corpus holding one article (cairo.txt)."""
    target = tmp_path / "corpus"
    assert ingest.ingest([inbox / "cairo.txt"], target).exit_code == 0
    return target


def refused_alone(corpus: Path, path: Path, *options: object):
    """Ingest ``path`` into ``corpus``; check it is refused and the corpus is unchanged."""
    before = tree(corpus)
    result = run("ingest", path, "--corpus", corpus, *options)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        f"0 added, 0 replaced, 0 duplicate, 1 refused; {corpus} holds 1 article"
    )
    assert tree(corpus) == before
    assert leftovers(corpus) == []
    return result.stderr.splitlines()


# --- bad input: one line naming the file and the reason, exit 1, corpus unchanged -------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("scan.pdf", "binary file (PDF), not text"),
        ("photo.png", "binary file (PNG image), not text"),
        ("archive.zip", "binary file (zip archive or office document), not text"),
        ("disguised_pdf.txt", "binary file (PDF), not text"),
        ("undecodable.txt", "cannot decode as UTF-8 or cp1252 (byte 0x81 is neither)"),
        ("menu_only.html", "no article text found in the page"),
        (
            "bad_yaml.md",
            "front matter is not valid YAML (line 4: expected ',' or ']', but got ':')",
        ),
        ("bad_date.md", "front matter published '2024-13-45' is not a date (use YYYY-MM-DD)"),
        ("unclosed_front_matter.md", "front matter has no closing '---' line"),
        ("notes.csv", "not an article file (.csv); expected .txt, .md, .html, .htm"),
    ],
)
def test_bad_file_is_refused_in_one_line(corpus: Path, name: str, reason: str) -> None:
    path = BAD / name
    assert refused_alone(corpus, path) == [f"refused: {path}: {reason}"]


def test_file_over_the_default_size_limit_is_refused(corpus: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: refused on its size, never read
        handle.truncate(config.MAX_ARTICLE_BYTES + 1)
    assert refused_alone(corpus, big) == [
        f"refused: {big}: 5,000,001 bytes, over the size limit of 5,000,000 bytes (see --max-size)"
    ]


def test_size_limit_is_configurable(corpus: Path) -> None:
    path = BAD / "long_lines.txt"
    assert refused_alone(corpus, path, "--max-size", "10kB") == [
        f"refused: {path}: 42,021 bytes, over the size limit of 10,000 bytes (see --max-size)"
    ]


def test_size_option_must_be_a_size(corpus: Path) -> None:
    result = run("ingest", BAD / "no_figures.txt", "--corpus", corpus, "--max-size", "huge")
    assert result.exit_code == 2
    assert "'huge' is not a size (such as 5MB, 500kB or 1000)" in result.stderr


def test_missing_path_is_refused(corpus: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    assert refused_alone(corpus, missing) == [f"refused: {missing}: no such file or folder"]


def test_folder_with_no_articles_is_refused(corpus: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    assert refused_alone(corpus, empty) == [
        f"refused: {empty}: no articles (.txt, .md, .html, .htm) in this folder"
    ]


def test_symlink_pointing_outside_the_folder_is_refused(corpus: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes\n\nNot an article for the corpus.\n", encoding="utf-8")
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "escape.txt").symlink_to(secret)
    assert refused_alone(corpus, folder) == [
        f"refused: {folder / 'escape.txt'}: symlink points outside the folder {folder}"
        f" (to {secret})"
    ]


def test_symlink_inside_the_folder_is_read(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "links"
    folder.mkdir()
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    (folder / "same.txt").symlink_to(folder / "other.txt")
    result = run("ingest", folder, "--corpus", corpus)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].startswith("1 added, 0 replaced, 1 duplicate, 0 refused")


def test_input_inside_the_corpus_is_refused(corpus: Path) -> None:
    inside = next((corpus / "articles").glob("*.txt"))
    assert refused_alone(corpus, inside) == [
        f"refused: {inside}: is inside the corpus {corpus}; ingest files from elsewhere"
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing_columns.csv", "missing column(s): original_language, url"),
        ("duplicate_id.csv", "line 4: duplicate id 'x1'"),
    ],
)
def test_bad_catalog_is_an_error_and_nothing_changes(
    corpus: Path, tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "x1.txt").write_text(OTHER, encoding="utf-8")
    before = tree(corpus)
    result = run("ingest", tmp_path / "x1.txt", "--corpus", corpus, "--catalog", BAD / name)
    assert result.exit_code == 1
    assert result.stderr == f"error: {BAD / name}: {message}\n"
    assert tree(corpus) == before


def test_folder_that_is_not_a_corpus_is_an_error(tmp_path: Path, inbox: Path) -> None:
    other = tmp_path / "papers"
    other.mkdir()
    (other / "thesis.txt").write_text("Mine", encoding="utf-8")
    result = run("ingest", inbox, "--corpus", other)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {other}: not a corpus made by briefing ingest (no catalog.csv and articles/);"
        " give a new or empty folder with --corpus\n"
    )
    assert tree(other) == {"thesis.txt": b"Mine"}


def test_corpus_with_a_malformed_catalog_is_an_error(corpus: Path, tmp_path: Path) -> None:
    (corpus / "catalog.csv").write_text("id,title\nx,y\n", encoding="utf-8")
    before = tree(corpus)
    result = run("ingest", BAD / "no_figures.txt", "--corpus", corpus)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {corpus / 'catalog.csv'}: missing column(s):"
        " outlet, published, original_language, url\n"
    )
    assert tree(corpus) == before


# --- inputs that look hostile but are articles --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "warning"),
    [
        ("mixed_encoding.txt", "mixed encodings; read as UTF-8 with cp1252 parts"),
        ("long_lines.txt", None),
        ("no_line_breaks.txt", None),
        ("no_figures.txt", None),
    ],
)
def test_awkward_but_valid_inputs_are_added(corpus: Path, name: str, warning: str | None) -> None:
    path = BAD / name
    result = run("ingest", path, "--corpus", corpus)
    assert result.exit_code == 0
    assert re.fullmatch(
        rf"added: [a-z0-9-]+-[0-9a-f]{{8}} <- {re.escape(str(path))}", result.stdout.splitlines()[0]
    )
    assert result.stderr.splitlines() == ([f"warning: {path}: {warning}"] if warning else [])
    loaded = load_corpus(corpus)
    assert len(loaded.articles) == 2


def test_mixed_encoding_is_read_part_by_part(corpus: Path) -> None:
    ingest.ingest([BAD / "mixed_encoding.txt"], corpus)
    text = (corpus / "articles" / f"{_id_of(corpus, 'mixed_encoding.txt')}.txt").read_text("utf-8")
    assert text.startswith("Café talks resume in Doha\n\nThe mediators’ proposal was “welcome”,")


def _id_of(corpus: Path, source: str) -> str:
    import csv

    with (corpus / "catalog.csv").open(encoding="utf-8", newline="") as handle:
        return next(r["id"] for r in csv.DictReader(handle) if r["source_file"] == source)


# --- what an ingested corpus holds ----------------------------------------------------------------


def test_layout_catalog_text_and_original(tmp_path: Path, inbox: Path) -> None:
    (inbox / "reply.md").write_text(MARKDOWN, encoding="utf-8")
    (inbox / "deal.html").write_text(PAGE.format(extra="officials said."), encoding="utf-8")
    target = tmp_path / "corpus"
    summary = ingest.ingest([inbox], target)
    assert [o.status for o in summary.outcomes] == ["added", "added", "added"]
    ids = {Path(o.path).name: o.id for o in summary.outcomes}
    assert ids["cairo.txt"] == article_id("Truce talks resume in Cairo", ARTICLE.strip())
    assert ids["cairo.txt"] == "truce-talks-resume-in-cairo-" + content_hash(ARTICLE.strip())[:8]
    for name, article in ids.items():
        suffix = Path(name).suffix
        assert (target / "originals" / f"{article}{suffix}").read_bytes() == (
            inbox / name
        ).read_bytes()
    import csv

    with (target / "catalog.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["source_file"]: r for r in csv.DictReader(handle)}
    assert {
        k: rows["reply.md"][k] for k in ("title", "outlet", "published", "original_language", "url")
    } == {
        "title": "Hamas replies to the Paris framework",
        "outlet": "Example Wire",
        "published": "2024-02-07",
        "original_language": "en",
        "url": "https://example.org/hamas-reply",
    }
    assert {k: rows["deal.html"][k] for k in ("title", "outlet", "published", "url")} == {
        "title": "Hostage deal nears",
        "outlet": "Example News",
        "published": "2024-11-20",
        "url": "https://example.org/world/hostage-deal-nears",
    }
    assert (target / "articles" / f"{ids['reply.md']}.txt").read_text("utf-8") == (
        "Hamas replies to the Paris framework\n\n"
        "Hamas delivered its reply on Tuesday, proposing a 135-day truce in three phases.\n"
    )


def test_commands_take_the_corpus_folder(tmp_path: Path, inbox: Path) -> None:
    (inbox / "deal.html").write_text(PAGE.format(extra="officials said."), encoding="utf-8")
    target = tmp_path / "corpus"
    ingest.ingest([inbox], target)
    assert find_catalog(target) == target / "catalog.csv"
    assert [p.parent for p in article_paths(target)] == [target / "articles"] * 2
    records = [json.loads(line) for line in run("extract", target).stdout.splitlines()]
    outlets = {r["title"]: r["outlet"] for r in records if r["type"] == "article"}
    assert outlets == {"Truce talks resume in Cairo": None, "Hostage deal nears": "Example News"}
    figures = run("figures", target, "--csv")
    assert figures.exit_code == 0 and "hostages_released" in figures.stdout
    loaded = load_corpus(target)
    assert sorted(loaded.articles["title"]) == ["Hostage deal nears", "Truce talks resume in Cairo"]
    one = next((target / "articles").glob("hostage*.txt"))
    assert find_catalog(one) == target / "catalog.csv"
    assert "outlet: Example News" in run("show", one).stdout


def test_seeds_ingested_with_their_catalog_extract_the_same_records(tmp_path: Path) -> None:
    target = tmp_path / "corpus"
    summary = ingest.ingest([config.SEEDS_DIR], target, catalog=config.CATALOG_PATH)
    assert sorted(o.id for o in summary.outcomes) == sorted(
        p.stem for p in config.SEEDS_DIR.glob("*.txt")
    )
    ours = sorted(run("extract", target).stdout.splitlines())
    assert ours == sorted(run("extract", config.SEEDS_DIR).stdout.splitlines())


def test_export_parameters_and_notebooks_read_the_corpus(corpus: Path) -> None:
    from briefing.export import parameters

    values = parameters(corpus, None, None, None)
    assert values == {"CORPUS": str(corpus.resolve())}
    assert len(load_corpus(values["CORPUS"]).articles) == 1


# --- duplicates, changes, replacement ---------------------------------------------------------


def test_ingesting_the_same_input_twice_is_a_no_op(corpus: Path, inbox: Path) -> None:
    before = tree(corpus)
    stat = (corpus / "catalog.csv").stat()
    result = run("ingest", inbox, "--corpus", corpus)
    assert result.exit_code == 0
    cairo = _id_of(corpus, "cairo.txt")
    assert result.stdout.splitlines() == [
        f"duplicate: {inbox / 'cairo.txt'}: same text as {cairo}",
        f"0 added, 0 replaced, 1 duplicate, 0 refused; {corpus} holds 1 article",
    ]
    assert tree(corpus) == before
    assert (corpus / "catalog.csv").stat().st_mtime_ns == stat.st_mtime_ns


def test_same_text_in_other_whitespace_and_case_is_a_duplicate(
    corpus: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text("  TRUCE talks resume in Cairo\r\n\r\n\r\nNegotiators met in Cairo  on Tuesday;"
                    " 40 hostages could be freed.", encoding="utf-8")  # fmt: skip
    summary = ingest.ingest([copy], corpus)
    assert [(o.status, o.reason) for o in summary.outcomes] == [
        ("duplicate", f"same text as {_id_of(corpus, 'cairo.txt')}")
    ]


def test_changed_article_is_refused_unless_replace(corpus: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited" / "cairo.txt"
    edited.parent.mkdir()
    edited.write_text(ARTICLE.replace("40 hostages", "42 hostages"), encoding="utf-8")
    cairo = _id_of(corpus, "cairo.txt")
    old_text = (corpus / "articles" / f"{cairo}.txt").read_bytes()
    assert refused_alone(corpus, edited) == [
        f"refused: {edited}: changed article: the corpus holds {cairo} (same file name and title)"
        " with different text; add --replace to replace it (the previous version is kept)"
    ]
    result = run("ingest", edited, "--corpus", corpus, "--replace")
    assert result.exit_code == 0
    previous = sorted(p.name for p in (corpus / ".previous").iterdir())
    assert len(previous) == 2
    assert re.fullmatch(rf"{cairo}-\d{{8}}T\d{{12}}Z\.original\.txt", previous[0])
    assert previous[1] == previous[0].replace(".original.txt", ".txt")
    assert result.stdout.splitlines()[0] == (
        f"replaced: {cairo} <- {edited} (previous version kept: .previous/{previous[1]})"
    )
    assert (corpus / ".previous" / previous[1]).read_bytes() == old_text
    assert "42 hostages" in (corpus / "articles" / f"{cairo}.txt").read_text("utf-8")
    assert (corpus / "originals" / f"{cairo}.txt").read_bytes() == edited.read_bytes()
    assert len(load_corpus(corpus).articles) == 1
    assert [p.name for p in article_paths(corpus)] == [f"{cairo}.txt"]


def test_changed_page_with_the_same_url_is_the_same_article(tmp_path: Path) -> None:
    first, second = tmp_path / "deal.html", tmp_path / "deal-updated.html"
    first.write_text(PAGE.format(extra="officials said."), encoding="utf-8")
    second.write_text(PAGE.format(extra="officials said on Wednesday."), encoding="utf-8")
    target = tmp_path / "corpus"
    added = ingest.ingest([first], target).outcomes[0].id
    outcome = ingest.ingest([second], target).outcomes[0]
    assert (outcome.status, outcome.id) == ("refused", added)
    assert "(same URL https://example.org/world/hostage-deal-nears)" in outcome.reason
    assert ingest.ingest([second], target, replace=True).outcomes[0].status == "replaced"


def test_catalog_given_with_the_files_names_the_ids(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "catalog.csv").write_text(
        "id,title,outlet,published,original_language,url\n"
        "a1,Cairo talks,Example Wire,2024-03-05,ar,https://example.org/a1\n",
        encoding="utf-8",
    )
    target = tmp_path / "corpus"
    assert ingest.ingest([tmp_path / "in"], target).outcomes[0].id == "a1"
    row = load_corpus(target).articles.iloc[0]
    assert (row["id"], row["title"], row["outlet"], str(row["published"].date())) == (
        "a1", "Cairo talks", "Example Wire", "2024-03-05"
    )  # fmt: skip
    (tmp_path / "in" / "a1.txt").write_text(OTHER, encoding="utf-8")
    outcome = ingest.ingest([tmp_path / "in"], target).outcomes[0]
    assert (outcome.status, outcome.id) == ("refused", "a1")


@pytest.mark.parametrize("replace", [False, True])
def test_two_files_given_one_id_in_one_run_are_not_a_replacement(
    tmp_path: Path, replace: bool
) -> None:
    """Two catalogs beside two folders name different articles "a1": the second is refused,
    with a message naming the first file, and --replace does not let it overwrite the first.
    """
    for folder, text in (("one", ARTICLE), ("two", OTHER)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a1.txt").write_text(text, encoding="utf-8")
        (tmp_path / folder / "catalog.csv").write_text(
            "id,title,outlet,published,original_language,url\na1,,,,,\n", encoding="utf-8"
        )
    target = tmp_path / "corpus"
    args = ["--replace"] if replace else []
    result = run("ingest", tmp_path / "one", tmp_path / "two", "--corpus", target, *args)
    assert result.exit_code == 0  # the first was added
    assert result.stderr.splitlines() == [
        f"refused: {tmp_path / 'two' / 'a1.txt'}: same id as {tmp_path / 'one' / 'a1.txt'},"
        " added as a1 in this run, with different text; give one of them another id in its"
        " catalog"
    ]
    assert "Negotiators met in Cairo" in (target / "articles" / "a1.txt").read_text("utf-8")
    assert not (target / ".previous").exists()


def test_summary_lists_every_outcome_and_exit_code(tmp_path: Path, inbox: Path) -> None:
    (inbox / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "sub").mkdir()
    (inbox / "sub" / "rafah.txt").write_text(OTHER, encoding="utf-8")
    result = run("ingest", inbox, tmp_path / "nope", "--corpus", tmp_path / "corpus")
    assert result.exit_code == 0  # something was added
    assert result.stdout.splitlines()[-1] == (
        f"2 added, 0 replaced, 1 duplicate, 2 refused; {tmp_path / 'corpus'} holds 2 articles"
    )
    assert result.stderr.splitlines() == [
        f"refused: {tmp_path / 'nope'}: no such file or folder",
        f"refused: {inbox / 'empty.txt'}: empty file",
    ]
    assert Summary(Path("c"), [Outcome("a", "refused", reason="a: x")]).exit_code == 1
    assert Summary(Path("c"), [Outcome("a", "duplicate", "x")]).exit_code == 0


def test_progress_wraps_the_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(25):
        (folder / f"a{n:02}.txt").write_text(f"Talks day {n}\n\nRound {n} of talks.\n", "utf-8")
    seen = []

    def progress(files):
        seen.append(len(files))
        return files

    summary = ingest.ingest([folder], tmp_path / "corpus", progress=progress)
    assert seen == [25] and summary.articles == 25
    assert run("ingest", folder, "--corpus", tmp_path / "corpus2", "-q").stdout == (
        f"25 added, 0 replaced, 0 duplicate, 0 refused; {tmp_path / 'corpus2'} holds 25 articles\n"
    )


def test_parse_size() -> None:
    assert [parse_size(s) for s in ("5MB", "5 mb", "500kB", "1000", "1.5M")] == [
        5_000_000, 5_000_000, 500_000, 1000, 1_500_000
    ]  # fmt: skip
    with pytest.raises(ValueError, match="is not a size"):
        parse_size("5 parsecs")


# --- atomic writes: a failure at any step leaves the corpus byte for byte -------------------------


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "rafah.txt").write_text(OTHER, encoding="utf-8")
    (folder / "reply.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "cairo.txt").write_text(ARTICLE.replace("40", "41"), encoding="utf-8")
    return folder


class Boom(RuntimeError):
    pass


@pytest.mark.parametrize("failing_call", range(1, 8))
def test_failure_while_writing_leaves_the_corpus_unchanged(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    before = tree(corpus)
    real = atomic.write_new
    calls = []

    def flaky(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == failing_call:
            raise Boom(f"disk full at {path.name}")
        real(path, data)

    monkeypatch.setattr(atomic, "write_new", flaky)
    with pytest.raises(Boom):
        ingest.ingest([_batch(tmp_path)], corpus, replace=True)
    assert len(calls) == failing_call  # every write up to the catalog's (the 7th) is covered
    assert tree(corpus) == before
    assert leftovers(corpus) == []


@pytest.mark.parametrize(
    "step", ["ingest.prepare", "ingest._keep_previous", "ingest.catalog_csv", "atomic.swap"]
)
def test_failure_at_any_step_leaves_the_corpus_unchanged(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    before = tree(corpus)

    def fail(*args, **kwargs):
        raise Boom(step)

    module, name = step.split(".")
    monkeypatch.setattr({"ingest": ingest, "atomic": atomic}[module], name, fail)
    with pytest.raises(Boom):
        ingest.ingest([_batch(tmp_path)], corpus, replace=True)
    assert tree(corpus) == before
    assert leftovers(corpus) == []


def test_interrupt_leaves_the_corpus_unchanged(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(corpus)

    def interrupted(files):
        yield files[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest.ingest([_batch(tmp_path)], corpus, progress=interrupted)
    assert tree(corpus) == before
    assert leftovers(corpus) == []


def test_failure_on_a_new_corpus_leaves_nothing(
    tmp_path: Path, inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "catalog_csv", lambda state: (_ for _ in ()).throw(Boom()))
    with pytest.raises(Boom):
        ingest.ingest([inbox], tmp_path / "corpus")
    assert not (tmp_path / "corpus").exists()
    assert leftovers(tmp_path / "corpus") == []


def test_swap_without_exchange_support(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    summary = ingest.ingest([_batch(tmp_path)], corpus, replace=True)
    assert [o.status for o in summary.outcomes] == ["replaced", "added", "added"]
    assert len(load_corpus(corpus).articles) == 3
    assert leftovers(corpus) == []


def test_swap_without_exchange_restores_the_corpus_if_the_second_rename_fails(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(corpus)
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    real = os.replace

    def second_fails(source, target):
        if Path(target) == corpus and ".next-" in Path(source).name:
            raise Boom("rename failed")
        real(source, target)

    monkeypatch.setattr(atomic.os, "replace", second_fails)
    with pytest.raises(Boom):
        ingest.ingest([_batch(tmp_path)], corpus)
    monkeypatch.setattr(atomic.os, "replace", real)
    assert tree(corpus) == before
    assert leftovers(corpus) == []


def test_leftovers_of_a_killed_ingest_are_cleared(corpus: Path, tmp_path: Path) -> None:
    stale = corpus.parent / ".corpus.next-dead"
    shutil.copytree(corpus, stale)
    ingest.ingest([_batch(tmp_path)], corpus)
    assert leftovers(corpus) == []


def test_corpus_symlink_leading_out_is_refused_by_readers(corpus: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(OTHER, encoding="utf-8")
    (corpus / "articles" / "sneaky.txt").symlink_to(outside)
    result = run("extract", corpus)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {corpus / 'articles' / 'sneaky.txt'}: symlink points outside the corpus {corpus}\n"
    )
    with pytest.raises(IngestError):
        (corpus / "catalog.csv").write_text(
            (corpus / "catalog.csv").read_text("utf-8") + "sneaky,,,,,,,,\n", encoding="utf-8"
        )
        ingest.load_state(corpus)


def test_corpus_reached_through_a_link_stays_a_link(corpus: Path, tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(corpus)
    summary = ingest.ingest([BAD / "no_figures.txt"], link)
    assert (
        summary.counts() == f"1 added, 0 replaced, 0 duplicate, 0 refused; {link} holds 2 articles"
    )
    assert link.is_symlink() and len(load_corpus(link).articles) == 2
    assert leftovers(corpus) == []


def test_as_a_process_refusal_is_one_line_and_exit_1(corpus: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    before = tree(corpus)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "ingest", BAD / "photo.png", "--corpus", corpus],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == f"refused: {BAD / 'photo.png'}: binary file (PNG image), not text\n"
    assert (
        result.stdout == f"0 added, 0 replaced, 0 duplicate, 1 refused; {corpus} holds 1 article\n"
    )
    assert tree(corpus) == before


def test_size_option_beyond_any_file_is_a_usage_error(corpus: Path) -> None:
    result = run("ingest", BAD / "no_figures.txt", "--corpus", corpus, "--max-size", "9" * 400)
    assert result.exit_code == 2
    assert "is larger than any file this could read" in result.stderr


def test_symlink_loops_are_refused_one_by_one(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "loops"
    folder.mkdir()
    (folder / "good.txt").write_text(OTHER, encoding="utf-8")
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    (folder / "sub").symlink_to(folder / "sub")
    result = run("ingest", folder, "--corpus", corpus)
    assert result.exit_code == 0
    assert sorted(line for line in result.output.splitlines() if line.endswith("loop")) == [
        f"refused: {folder / name}: symlink loop" for name in ("a.txt", "b.txt", "sub")
    ]
    assert result.stdout.splitlines()[-1].startswith("1 added, 0 replaced, 0 duplicate, 3 refused")


@pytest.mark.parametrize("target", ["elsewhere/deeper", "self"])
def test_corpus_that_is_a_broken_link_is_refused_and_nothing_made(
    tmp_path: Path, target: str
) -> None:
    link = tmp_path / "corpus"
    link.symlink_to(tmp_path / ("corpus" if target == "self" else target))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(OTHER, encoding="utf-8")
    result = run("ingest", tmp_path / "in", "--corpus", link)
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {link}: the corpus is a ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "in"]


def test_utf32_article_is_ingested_as_readable_text(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(OTHER.encode("utf-32"))
    before = set((corpus / "articles").glob("*.txt"))
    assert run("ingest", path, "--corpus", corpus).exit_code == 0
    (stored,) = set((corpus / "articles").glob("*.txt")) - before
    assert stored.read_text(encoding="utf-8") == OTHER
