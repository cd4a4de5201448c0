"""Check that a speed change leaves extraction output unchanged.

Runs ``briefing extract`` with the working tree and with a git revision (HEAD by default,
checked out in a temporary worktree) on every test set and on a varied corpus built like
``scale.py``'s, and compares the JSON Lines byte for byte.

    .venv/bin/python benchmarks/same_output.py [REVISION]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SETS = [
    "seeds",
    "tests/data/articles",
    "tests/data/holdout/articles",
    "tests/data/blind/articles",
    "tests/data/dev/articles",
    "tests/data/dev2/articles",
    "tests/data/dev3/articles",
    "tests/data/dev4/articles",
    "tests/data/dev5/articles",
    "tests/data/dev6/articles",
    "tests/data/dev7/articles",
    "tests/data/dev8/articles",
    "tests/data/hostile",
]
VARIED = 130
"""Articles in the varied corpus (the seeds and project articles with their numbers varied)."""


def extract(code: Path, corpus: Path) -> bytes:
    """``briefing extract`` output of the package in ``code`` on ``corpus``."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "extract", str(corpus)],
        cwd=code,
        env=env,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{code}: briefing extract {corpus} failed: {done.stderr.decode()[-300:]}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default="HEAD")
    args = parser.parse_args()
    from benchmarks.scale import build_corpus

    with tempfile.TemporaryDirectory() as tmp:
        before = Path(tmp) / "before"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(before), args.revision],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            varied = Path(tmp) / "varied"
            build_corpus(varied, VARIED)
            changed = 0
            for corpus in [*(ROOT / s for s in SETS), varied]:
                same = extract(before, corpus) == extract(ROOT, corpus)
                changed += not same
                name = corpus.relative_to(ROOT) if corpus.is_relative_to(ROOT) else "varied"
                print(f"{'same' if same else 'CHANGED':8} {name}")
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, check=False
            )
    print("output unchanged" if not changed else f"output changed in {changed} set(s)")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
