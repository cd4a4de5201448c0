"""Notebook run time on fresh kernels, and the HTML export: seconds and file sizes."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import nbformat

    from briefing import config
    from briefing.export import execute, export, notebook_paths

    print(f"{'notebook':<32}{'seconds':>10}")
    total = 0.0
    for path in notebook_paths(config.NOTEBOOKS_DIR):
        started = time.perf_counter()
        execute(nbformat.read(path, as_version=4), path)
        seconds = time.perf_counter() - started
        total += seconds
        print(f"{path.name:<32}{seconds:>10.1f}")
    print(f"{'all notebooks (target < 60 s)':<32}{total:>10.1f}")

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        pages = export(config.NOTEBOOKS_DIR, Path(tmp) / "briefings", progress=False)
        seconds = time.perf_counter() - started
        print(f"\n{'briefing page':<32}{'seconds':>10}{'MB':>8}")
        for page in pages:
            print(f"{page.html.name:<32}{page.seconds:>10.1f}{page.size / 1e6:>8.2f}")
        print(f"{'export total':<32}{seconds:>10.1f}")


if __name__ == "__main__":
    main()
