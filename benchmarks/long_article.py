"""Time on one long article: does it grow in step with the article's length?

A feed sometimes delivers a whole live blog, a transcript or a table flattened into one line as
a single "article". Three shapes are built from the seeds' bodies, each at growing lengths:

- ``paragraphs``: the bodies one after another, paragraphs kept;
- ``one paragraph``: the same sentences with no paragraph break;
- ``run-on``: the same words with every full stop turned into a semicolon, so no sentence ends;
- ``numbers``: a table flattened to bare numbers ("1 2 3 ..."), about as many characters per
  copy as one set of bodies: hundreds of numbers in every sentence, none a figure;
- ``ranges``: "between 1 and 2 million or " repeated with no full stop, as long again.

For each, the table gives seconds and microseconds per kilobyte; the last column is that cost
against the shortest length of the same shape (1.0 means time grows linearly).

    .venv/bin/python benchmarks/long_article.py [--sizes 1 4 16]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def shapes(bodies: list[str], times: int) -> dict[str, str]:
    """The five long texts, each as long as the bodies repeated ``times`` times."""
    text = "\n\n".join(bodies * times)
    sentences = " ".join(text.split("\n\n"))
    count = len(text) // 6
    return {
        "paragraphs": text,
        "one paragraph": sentences,
        "run-on": sentences.replace(". ", "; "),
        "numbers": " ".join(str(n % 97 + 1) for n in range(count)) + ".",
        "ranges": "between 1 and 2 million or " * (len(text) // 27) + "people.",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args()

    from datetime import date

    from briefing import config
    from briefing.articles import parse_article, read_article
    from briefing.extract import extract_article
    from briefing.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    seeds = [read_article(p) for p in sorted(config.SEEDS_DIR.glob("*.txt"))]
    bodies = [seed.text[seed.body_start :] for seed in seeds]
    for seed in seeds:  # warm up: word lists and patterns are compiled on first use
        extract_article(seed, gazetteer)
    print(f"{'shape':<15}{'copies':>7}{'KB':>8}{'seconds':>9}{'us/KB':>9}{'vs first':>10}")
    for shape in ("paragraphs", "one paragraph", "run-on", "numbers", "ranges"):
        first = None
        for times in sorted(args.sizes):
            text = shapes(bodies, times)[shape]
            article = parse_article(f"Live coverage\n\n{text}", f"long-{times}")
            article.published = date(2024, 3, 6)
            started = time.perf_counter()
            extract_article(article, gazetteer)
            seconds = time.perf_counter() - started
            kb = len(text.encode()) / 1000
            per_kb = seconds / kb * 1e6
            first = first or per_kb
            print(
                f"{shape:<15}{times:>7}{kb:>8.0f}{seconds:>9.2f}{per_kb:>9.0f}"
                f"{per_kb / first:>10.2f}"
            )


if __name__ == "__main__":
    main()
