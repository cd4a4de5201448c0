"""Extraction speed: articles per second on the seeds repeated, against a naive baseline.

The baseline, run in the same process on the same texts, is a regular-expression scan for
numbers with qualifiers (what a quick script would do, without measures, sources or actors).

With ``--against REVISION`` the working tree and that revision (checked out in a temporary
git worktree) are timed alternately, each round in fresh processes, so that the load of a
shared machine falls on both alike; the table gives each round and the ratio of the two.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NAIVE = re.compile(
    r"(?:(?:at least|more than|around|about|nearly|up to)\s+)?\d{1,3}(?:[,.]\d{3})*(?:\s+to\s+\d+)?"
)


def best_of(runs: int, work) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def measure(root: Path, copies: int, runs: int) -> dict:
    """Time the package in ``root`` on its seeds x ``copies``, and the naive scan."""
    sys.path.insert(0, str(root))
    started = time.perf_counter()
    from briefing import config
    from briefing.articles import parse_article, read_article
    from briefing.extract import extract_article
    from briefing.gazetteer import default_gazetteer

    default_gazetteer()
    startup = time.perf_counter() - started
    seeds = [read_article(p) for p in sorted(config.SEEDS_DIR.glob("*.txt"))]
    # Every copy differs (a last line of its own), so no per-text cache can help a copy.
    corpus = [
        parse_article(f"{seed.text}\n\nCopy {n}.", f"{seed.id}-{n}")
        for n in range(copies)
        for seed in seeds
    ]

    def ours() -> None:
        for article in corpus:
            extract_article(article)

    def naive() -> None:
        for article in corpus:
            NAIVE.findall(article.text)

    return {
        "articles": len(corpus),
        "seeds": len(seeds),
        "mb": sum(len(a.text.encode()) for a in corpus) / 1e6,
        "ours_s": best_of(runs, ours),
        "naive_s": best_of(runs, naive),
        "startup_s": startup,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def report(m: dict, copies: int) -> None:
    print(f"corpus: {m['articles']} articles, {m['mb']:.2f} MB (the {m['seeds']} seeds x {copies})")
    print(f"{'extractor':<28}{'seconds':>10}{'articles/s':>14}{'MB/s':>10}")
    for name, seconds in (
        ("briefing (all record types)", m["ours_s"]),
        ("naive regex numbers", m["naive_s"]),
    ):
        rate = m["articles"] / seconds
        print(f"{name:<28}{seconds:>10.3f}{rate:>14.0f}{m['mb'] / seconds:>10.2f}")
    print(f"ratio briefing / naive time: {m['ours_s'] / m['naive_s']:.1f}x")
    print(f"import and gazetteer start-up: {m['startup_s']:.2f} s; peak RSS {m['rss_mb']:.0f} MB")


def _one_run(root: Path, copies: int, runs: int) -> dict:
    """``measure`` in a fresh process, so each side imports its own package."""
    command = [sys.executable, __file__, "--root", str(root), "--json"]
    done = subprocess.run(
        [*command, "--copies", str(copies), "--runs", str(runs)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{root}: timing failed: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout)


def against(revision: str, copies: int, runs: int, rounds: int) -> None:
    """Time the working tree and ``revision`` alternately and print both, round by round."""
    with tempfile.TemporaryDirectory() as tmp:
        before = Path(tmp) / "before"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(before), revision],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        try:
            print(f"articles/s, the five seeds x {copies}, best of {runs} per round")
            print(f"{'round':<8}{'working tree':>14}{revision[:12]:>14}{'ratio':>8}")
            ratios, ours, theirs = [], [], []
            for index in range(rounds):
                now = _one_run(ROOT, copies, runs)
                then = _one_run(before, copies, runs)
                ours.append(now["articles"] / now["ours_s"])
                theirs.append(then["articles"] / then["ours_s"])
                ratios.append(ours[-1] / theirs[-1])
                print(f"{index + 1:<8}{ours[-1]:>14.0f}{theirs[-1]:>14.0f}{ratios[-1]:>7.2f}x")
            print(
                f"{'best':<8}{max(ours):>14.0f}{max(theirs):>14.0f}"
                f"{max(ours) / max(theirs):>7.2f}x   median ratio {statistics.median(ratios):.2f}x"
            )
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(before)], cwd=ROOT, check=False
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=144, help="times each seed is repeated")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", metavar="REVISION", help="compare with a git revision")
    parser.add_argument("--rounds", type=int, default=3, help="alternations with --against")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.against:
        against(args.against, args.copies, args.runs, args.rounds)
        return
    measured = measure(args.root, args.copies, args.runs)
    if args.json:
        print(json.dumps(measured))
    else:
        report(measured, args.copies)


if __name__ == "__main__":
    main()
