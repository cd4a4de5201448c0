"""Executing the curated notebooks and writing offline HTML briefings.

Each notebook runs on a fresh kernel with its parameters applied, then becomes one
self-contained page: no code, no prompts, no network scripts; a header naming the corpus and
build date; a table of contents; the charts (the Vega bundle loaded once per page); a sources
appendix. Pages are written to a temporary folder and moved into place only when all succeed.
"""

from __future__ import annotations

import copy
import html
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from briefing import __version__, config
from briefing.atomic import default_mode, parents_made

TEMPLATES = Path(__file__).resolve().parent / "templates"
CHECK_MARK = "NBVAL_CHECK_OUTPUT"
"""Cells whose output nbval compares (their outputs are kept in version control)."""
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


class ExportError(RuntimeError):
    """A notebook could not be executed or converted; the message names it and the cell."""


@dataclass(frozen=True)
class Page:
    """One exported briefing."""

    notebook: Path
    html: Path
    title: str
    size: int
    seconds: float


def notebook_paths(directory: Path) -> list[Path]:
    """The curated notebooks of ``directory`` in reading order (``00_...``, ``01_...``)."""
    if not directory.is_dir():
        raise ExportError(f"{directory}: no such notebooks folder")
    found = sorted(p for p in directory.glob("*.ipynb") if p.name[:2].isdigit())
    if not found:
        raise ExportError(f"{directory}: no numbered notebooks (00_name.ipynb) in this folder")
    return found


def parameters(
    corpus: Path | None, catalog: Path | None, date_from: str | None, date_to: str | None
) -> dict[str, Any]:
    """The notebook parameters to inject, leaving out those not given."""
    values = {
        "CORPUS": str(corpus.resolve()) if corpus else None,
        "CATALOG": str(catalog.resolve()) if catalog else None,
        "DATE_FROM": date_from,
        "DATE_TO": date_to,
    }
    return {k: v for k, v in values.items() if v is not None}


def inject(nb, values: dict[str, Any]):
    """A copy of ``nb`` with a cell setting ``values`` after the ``parameters`` cell."""
    import nbformat

    nb = copy.deepcopy(nb)
    if not values:
        return nb
    source = "# Parameters injected by briefing export\n" + "\n".join(
        f"{name} = {value!r}" for name, value in values.items()
    )
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    tagged = [
        i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])
    ]
    nb.cells.insert(tagged[0] + 1 if tagged else 0, cell)
    return nb


def execute(nb, path: Path, timeout: int = 600):
    """Run every cell on a fresh kernel; raise :class:`ExportError` naming the failing cell."""
    import subprocess

    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        # The kernel's own log lines (start-up notices) are not for the reader; cell errors
        # still arrive as outputs.
        client.execute(env={**os.environ, "BRIEFING_EXPORT": "1"}, stderr=subprocess.DEVNULL)
    except CellExecutionError as exc:
        index = _failing_cell(nb)
        reason = f"{exc.ename}: {exc.evalue}".strip().splitlines()[0]
        raise ExportError(f"{path.name}: cell {index} failed: {reason}") from exc
    except (CellTimeoutError, DeadKernelError, AssertionError) as exc:
        # nbclient raises AssertionError when the kernel died while it was cleaning up
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "the kernel stopped"
        raise ExportError(
            f"{path.name}: cell {_failing_cell(nb)} did not finish: {reason}"
        ) from exc
    except (RuntimeError, OSError) as exc:
        raise ExportError(f"{path.name}: the notebook kernel could not run: {exc}") from exc
    return nb


def _failing_cell(nb) -> int | str:
    for index, cell in enumerate(nb.cells, start=1):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return index
    return "?"


def for_readers(nb):
    """A copy without what a reader cannot use: widgets, stderr, injected parameter cells."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)  # widget state needs a kernel, and would embed raw text
    for cell in nb.cells:
        outputs = []
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                continue
            if WIDGET_MIME in output.get("data", {}):
                continue  # needs a kernel; the static charts carry the content
            outputs.append(output)
        if "outputs" in cell:
            cell["outputs"] = outputs
    nb.cells = [
        c for c in nb.cells if "parameters" not in " ".join(c.get("metadata", {}).get("tags", []))
    ]
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("# "):
            cell.source = cell.source.split("\n", 1)[1] if "\n" in cell.source else ""
            break  # the page header carries the title
    return nb


def title_of(nb, default: str) -> str:
    """The first level-one heading of the notebook's markdown."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return default


def to_html(nb, title: str, corpus_line: str, sources: list[dict[str, str]]) -> str:
    """Render an executed notebook as a briefing page."""
    from nbconvert import HTMLExporter

    from briefing.theme import javascript_bundle

    exporter = HTMLExporter(
        template_name="briefing",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    resources = {
        "briefing": {
            "title": title,
            "corpus": corpus_line,
            "sources": sources,
            "version": __version__,
            "built": datetime.now(UTC).strftime("%d %B %Y, %H:%M UTC"),
            "vega_bundle": javascript_bundle().replace("</script", "<\\/script"),
        }
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return _with_contents(body)


def _with_contents(page: str) -> str:
    """Fill the table of contents from the page's section headings (their ids resolve)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, "html.parser")
    toc = soup.select_one("nav.toc ol")
    main = soup.find("main")
    for heading in main.find_all(["h2"]) if main else []:
        anchor = heading.get("id")
        if not anchor:
            continue
        for link in heading.select("a.anchor-link"):
            link.decompose()
        item = soup.new_tag("li")
        target = soup.new_tag("a", href=f"#{anchor}")
        target.string = heading.get_text(" ", strip=True)
        item.append(target)
        toc.append(item)
    return str(soup)


def source_rows(articles) -> list[dict[str, str]]:
    """The sources appendix: one row per article, URLs only when they are web addresses."""
    rows = []
    for row in articles.sort_values("published", na_position="last").itertuples():
        url = (
            row.url
            if isinstance(row.url, str) and row.url.startswith(("http://", "https://"))
            else ""
        )
        published = row.published.date().isoformat() if not _missing(row.published) else "undated"
        outlet = "unknown" if _missing(row.outlet) else row.outlet
        title = "" if _missing(row.title) else row.title
        rows.append(
            {"id": row.id, "title": title, "outlet": outlet, "published": published, "url": url}
        )
    return rows


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


def index_page(pages: list[Page], corpus_line: str) -> str:
    """``index.html``: the briefings, in reading order."""
    items = "".join(
        f'<li><a href="{html.escape(p.html.name)}">{html.escape(p.title)}</a></li>' for p in pages
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Briefings</title><style>body{font-family:sans-serif;max-width:760px;"
        "margin:40px auto;padding:0 20px}</style></head><body><h1>Briefings</h1>"
        f"<p>Built from {html.escape(corpus_line)}.</p><ol>{items}</ol></body></html>"
    )


def export(
    notebooks: Path = config.NOTEBOOKS_DIR,
    out: Path = config.BUILD_DIR / "briefings",
    corpus: Path | None = None,
    catalog: Path | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    progress: bool = True,
) -> list[Page]:
    """Execute every curated notebook and write the HTML briefings and ``index.html`` to ``out``.

    Nothing in ``out`` changes unless every notebook succeeds.
    """
    from briefing.corpus import load_corpus

    out = Path(out)
    check_target(out)
    paths = notebook_paths(Path(notebooks))
    loaded = load_corpus(corpus, catalog).window(date_from, date_to)
    corpus_line = loaded.summary()
    sources = source_rows(loaded.articles)
    values = parameters(corpus, catalog, date_from, date_to)
    with parents_made(out):
        return _write_pages(paths, out, values, corpus_line, sources, progress)


def _write_pages(
    paths: list[Path],
    out: Path,
    values: dict[str, Any],
    corpus_line: str,
    sources: list[dict[str, str]],
    progress: bool,
) -> list[Page]:
    import time

    import nbformat
    from tqdm import tqdm

    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    pages: list[Page] = []
    try:
        if out.is_dir():
            shutil.copystat(out, staging)
        else:
            default_mode(staging)
        for path in tqdm(paths, desc="Exporting briefings", unit="notebook", disable=not progress):
            started = time.perf_counter()
            nb = execute(inject(nbformat.read(path, as_version=4), values), path)
            title = title_of(nb, path.stem)
            page = to_html(for_readers(nb), title, corpus_line, sources)
            target = staging / f"{path.stem}.html"
            target.write_text(page, encoding="utf-8")
            pages.append(
                Page(
                    path,
                    out / target.name,
                    title,
                    len(page.encode()),
                    time.perf_counter() - started,
                )
            )
        (staging / "index.html").write_text(index_page(pages, corpus_line), encoding="utf-8")
        _replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return pages


_DESKTOP_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}
"""Files a file browser leaves in a folder it showed; they do not make it someone else's."""


def check_target(out: Path) -> None:
    """Refuse an ``out`` that exists and is not a folder of briefings written before.

    The folder is replaced whole, so it must hold only pages (``.html``); a folder of
    articles, notebooks or anything else given by mistake is left alone and named.
    """
    if out.is_symlink():
        raise ExportError(f"{out}: is a symbolic link; give the output folder's real path")
    if not out.exists():
        return
    if not out.is_dir():
        raise ExportError(f"{out}: exists and is not a folder; not replacing it")
    strangers = [
        p
        for p in out.iterdir()
        if not (p.is_file() and (p.suffix == ".html" or p.name in _DESKTOP_FILES))
    ]
    if strangers:
        raise ExportError(
            f"{out}: exists and is not a folder of briefings (it holds {strangers[0].name}); "
            "not replacing it: give a new or empty folder"
        )


def _replace(staging: Path, out: Path) -> None:
    """Move the finished folder into place, keeping the old one until the move succeeded."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}-previous-{os.getpid()}")
        out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def keep_checked_outputs(path: Path, timeout: int = 600) -> None:
    """Re-run a notebook and store only the outputs nbval checks (cells marked NBVAL_CHECK_OUTPUT).

    Every other cell is saved without outputs or execution count, so diffs stay reviewable
    and nbval compares exactly the headline numbers.
    """
    import nbformat

    nb = nbformat.read(path, as_version=4)
    executed = execute(copy.deepcopy(nb), path, timeout)
    for original, ran in zip(nb.cells, executed.cells, strict=True):
        if original.cell_type != "code":
            continue
        if CHECK_MARK in original.source:
            original.outputs = ran.outputs
            original.execution_count = ran.execution_count
        else:
            original.outputs = []
            original.execution_count = None
    nb.metadata.pop("widgets", None)
    tmp = path.with_suffix(".ipynb.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(path)
