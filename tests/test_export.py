"""HTML briefings: offline, safe with hostile article text, atomic, checked in a real browser."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from briefing import config
from briefing.export import ExportError, export, for_readers, inject

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds plus a hostile article whose headline, text, outlet and URL carry markup."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in config.SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, folder)
    shutil.copy(DATA / "hostile" / "h01_hostile.txt", folder)
    rows = list(csv.DictReader(config.CATALOG_PATH.open(encoding="utf-8")))
    rows += [
        {**row, "agency": ""} for row in csv.DictReader((DATA / "hostile" / "catalog.csv").open())
    ]
    with (folder / "catalog.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.fixture(scope="module")
def pages(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "briefings"
    result = export(config.NOTEBOOKS_DIR, out, corpus=corpus, progress=False)
    return out, result


def test_one_page_per_notebook_and_an_index(pages):
    out, result = pages
    names = sorted(p.name for p in out.iterdir())
    notebooks = sorted(p.stem + ".html" for p in config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    assert names == sorted([*notebooks, "index.html"])
    index = (out / "index.html").read_text(encoding="utf-8")
    for page in result:
        assert f'href="{page.html.name}"' in index


def test_pages_are_offline_small_and_without_code(pages):
    _out, result = pages
    for page in result:
        text = page.html.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=", text)
        assert not re.search(r"<link[^>]+href=\"https?:", text)
        assert "load_corpus(CORPUS" not in text and "Traceback" not in text
        assert not re.search(
            r'class="[^"]*(?:jp-CodeMirrorEditor|jp-InputPrompt|jp-OutputPrompt)', text
        )
        assert page.size < 3_000_000
        assert "Built from 6 articles" in text


def test_hostile_text_is_shown_as_text(pages):
    out, _ = pages
    for path in out.glob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<(?:script|img|b|svg)\b[^>]*>?[^<]{0,40}__pwned", text), path.name
        assert 'href="javascript:' not in text
    appendix = (out / "00_briefing.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__pwned = 5&lt;/script&gt; Hostile headline" in appendix


def test_failed_notebook_names_the_cell_and_leaves_the_output_alone(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Broken"),
            nbformat.v4.new_code_cell("x = 1"),
            nbformat.v4.new_code_cell("raise ValueError('no such measure')"),
        ]
    )
    nbformat.write(nb, notebooks / "00_broken.ipynb")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.html").write_text("previous build", encoding="utf-8")
    with pytest.raises(ExportError) as failure:
        export(notebooks, out, progress=False)
    assert str(failure.value) == "00_broken.ipynb: cell 3 failed: ValueError: no such measure"
    assert [p.name for p in out.iterdir()] == ["keep.html"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_parameters_are_injected_after_the_parameters_cell():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell("print(CORPUS)"),
        ]
    )
    injected = inject(nb, {"CORPUS": "/data/articles"})
    assert [c.source for c in injected.cells][1] == (
        "# Parameters injected by briefing export\nCORPUS = '/data/articles'"
    )
    assert len(nb.cells) == 2  # the original is untouched


def test_widgets_and_parameters_are_left_out_for_readers():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(
                "explorer",
                outputs=[
                    nbformat.v4.new_output(
                        "display_data",
                        data={
                            "application/vnd.jupyter.widget-view+json": {"model_id": "x"},
                            "text/plain": "VBox()",
                        },
                    )
                ],
            ),
        ]
    )
    cleaned = for_readers(nb)
    assert len(cleaned.cells) == 1 and cleaned.cells[0].outputs == []


def _chromium():
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    return path


def test_pages_in_a_real_browser_offline(pages, tmp_path):
    from playwright.sync_api import sync_playwright

    _out, result = pages
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=_chromium(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            for page_info in result:
                _check_page(browser, page_info.html, tmp_path)
        finally:
            browser.close()


def _check_page(browser, path: Path, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    errors: list[str] = []
    failed: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    page.goto(path.as_uri())
    page.wait_for_function(
        "document.querySelectorAll('.briefing-chart').length =="
        " document.querySelectorAll('.briefing-chart svg').length",
        timeout=20000,
    )
    charts = page.locator(".briefing-chart")
    assert charts.count() >= 1, path.name
    for i in range(charts.count()):
        assert (
            charts.nth(i)
            .locator("svg .role-mark path, svg .role-mark rect, svg .role-mark line")
            .count()
            > 0
        )
    mark = page.locator(".briefing-chart svg g.mark-symbol.role-mark path").first
    mark.scroll_into_view_if_needed()
    mark.hover(force=True)
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text().strip()
    for anchor in page.locator("a[href^='#source-']").all():
        target = anchor.get_attribute("href")[1:]
        assert page.locator(f"[id='{target}']").count() == 1, target  # figure → its source
    for anchor in page.locator("nav.toc a").all():
        target = anchor.get_attribute("href")[1:]
        assert page.locator(f"[id='{target}']").count() == 1, target
    assert page.evaluate("window.__pwned") is None
    assert errors == [] and failed == [], (path.name, errors, failed)
    page.screenshot(path=str(shots / f"{path.stem}.png"), full_page=True)
    page.close()


def test_pages_are_readable_by_others_like_any_new_folder(pages):
    out, _ = pages
    assert out.stat().st_mode & 0o777 == 0o777 & ~_umask()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize("what", ["articles", "notebooks", "a file"])
def test_export_never_replaces_what_is_not_a_previous_export(tmp_path, what):
    if what == "a file":
        out = tmp_path / "notes.txt"
        out.write_text("my notes", encoding="utf-8")
        before = {out.name: out.read_bytes()}
    else:
        out = tmp_path / what
        source = config.SEEDS_DIR if what == "articles" else config.NOTEBOOKS_DIR
        shutil.copytree(source, out)
        before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(ExportError, match=r"not replacing it"):
        export(config.NOTEBOOKS_DIR, out, progress=False)
    after = (
        {out.name: out.read_bytes()}
        if out.is_file()
        else {p.name: p.read_bytes() for p in out.iterdir()}
    )
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failed_export_leaves_no_new_folders_behind(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1/0")])
    nbformat.write(nb, notebooks / "00_broken.ipynb")
    with pytest.raises(ExportError):
        export(notebooks, tmp_path / "new" / "deeper" / "site", progress=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks"]
