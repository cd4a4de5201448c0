"""Extraction speed: articles per second on the seeds repeated, against a naive baseline.

The baseline, run in the same process on the same texts, is a regular-expression scan for
numbers with qualifiers (what a quick script would do, without measures, sources or actors).
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=144, help="times each seed is repeated")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    started = time.perf_counter()
    from briefing import config
    from briefing.articles import read_article
    from briefing.extract import extract_article
    from briefing.gazetteer import default_gazetteer

    default_gazetteer()
    startup = time.perf_counter() - started
    from briefing.articles import parse_article

    seeds = [read_article(p) for p in sorted(config.SEEDS_DIR.glob("*.txt"))]
    # Every copy differs (a last line of its own), so no per-text cache can help a copy.
    corpus = [
        parse_article(f"{seed.text}\n\nCopy {n}.", f"{seed.id}-{n}")
        for n in range(args.copies)
        for seed in seeds
    ]
    size_mb = sum(len(a.text.encode()) for a in corpus) / 1e6

    def ours() -> None:
        for article in corpus:
            extract_article(article)

    def naive() -> None:
        for article in corpus:
            NAIVE.findall(article.text)

    ours_s = best_of(args.runs, ours)
    naive_s = best_of(args.runs, naive)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"corpus: {len(corpus)} articles, {size_mb:.2f} MB (the {len(seeds)} seeds x {args.copies})"
    )
    print(f"{'extractor':<28}{'seconds':>10}{'articles/s':>14}{'MB/s':>10}")
    for name, seconds in (
        ("briefing (all record types)", ours_s),
        ("naive regex numbers", naive_s),
    ):
        print(f"{name:<28}{seconds:>10.3f}{len(corpus) / seconds:>14.0f}{size_mb / seconds:>10.2f}")
    print(f"ratio briefing / naive time: {ours_s / naive_s:.1f}x")
    print(f"import and gazetteer start-up: {startup:.2f} s; peak RSS {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
