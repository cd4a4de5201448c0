"""Speed and memory at scale, against quantulum3 measured in the same run.

Builds corpora deterministically under a temporary folder (the seeds and the project's test
articles, repeated with their numbers varied so no two copies are identical), then for each
size runs ``briefing extract --out NAME.parquet`` in a fresh process (articles/s, MB/s, peak
RSS) and, on a sample of the same texts, quantulum3 (the off-the-shelf quantity extractor an
analyst would try). Prints one table, then where the time goes by extraction stage.

    .venv/bin/pip install -e ".[scale,bench]"
    .venv/bin/python benchmarks/scale.py --sizes 1000 10000 [100000]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
QUANTULUM_SAMPLE = 60
"""Articles given to quantulum3 (it runs at a few articles a second)."""


def build_corpus(folder: Path, size: int, seed: int = 7) -> float:
    """Write ``size`` articles into ``folder``; return their total size in MB."""
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "data" / "articles").glob("*.txt")
    )
    texts = [p.read_text(encoding="utf-8-sig") for p in sources]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(size):
        text = re.sub(r"\d[\d,]*", lambda m: _vary(m.group(), rng), texts[index % len(texts)])
        data = text.encode()
        (folder / f"a{index:06d}.txt").write_bytes(data)
        total += len(data)
    return total / 1e6


def _vary(number: str, rng: random.Random) -> str:
    digits = number.replace(",", "")
    if len(digits) == 4 and digits.startswith(("19", "20")):
        return number  # keep years
    value = max(1, int(int(digits) * rng.uniform(0.9, 1.1)))
    return f"{value:,}" if "," in number else str(value)


def run_briefing(folder: Path, out: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of ``briefing extract`` on a folder, in a fresh process."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "briefing", "extract", str(folder), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak


def run_quantulum(folder: Path) -> float | None:
    """Articles per second of quantulum3 on a sample, or None when it is not installed."""
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    files = sorted(folder.glob("*.txt"))[:QUANTULUM_SAMPLE]
    texts = [p.read_text(encoding="utf-8") for p in files]
    started = time.perf_counter()
    for text in texts:
        parser.parse(text)
    return len(texts) / (time.perf_counter() - started)


def stage_profile(folder: Path, sample: int = 200) -> dict[str, float]:
    """Seconds per extraction stage on a sample: reading, figures, actors, events."""
    from briefing.actors import extract_actors, find_mentions
    from briefing.articles import read_article
    from briefing.events import extract_events
    from briefing.figures import extract_figures
    from briefing.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    timings = dict.fromkeys(("reading", "figures", "actor mentions", "actors", "events"), 0.0)
    for path in sorted(folder.glob("*.txt"))[:sample]:
        clock = time.perf_counter()
        article = read_article(path)
        timings["reading"] += time.perf_counter() - clock
        clock = time.perf_counter()
        extract_figures(
            article.id,
            article.text,
            article.sentences,
            article.published,
            lambda phrase, when=article.published: gazetteer.resolve(phrase, when),
        )
        timings["figures"] += time.perf_counter() - clock
        clock = time.perf_counter()
        mentions = find_mentions(article.text, gazetteer, article.published)
        timings["actor mentions"] += time.perf_counter() - clock
        clock = time.perf_counter()
        actors = extract_actors(
            article.id, article.text, gazetteer, article.published, set(), mentions
        )
        timings["actors"] += time.perf_counter() - clock
        clock = time.perf_counter()
        extract_events(article, gazetteer, actors, mentions)
        timings["events"] += time.perf_counter() - clock
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    print(
        f"{'articles':>9}{'MB':>8}{'seconds':>10}{'articles/s':>12}{'MB/s':>8}"
        f"{'peak RSS MB':>13}{'quantulum3/s':>14}{'ratio':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = Path(tmp) / f"corpus{size}"
            megabytes = build_corpus(folder, size)
            seconds, peak = run_briefing(folder, Path(tmp) / f"records{size}.parquet")
            ours = size / seconds
            theirs = run_quantulum(folder)
            ratio = f"{ours / theirs:>7.0f}x" if theirs else "    n/a"
            print(
                f"{size:>9}{megabytes:>8.1f}{seconds:>10.1f}{ours:>12.0f}"
                f"{megabytes / seconds:>8.2f}{peak:>13.0f}{(theirs or 0):>14.1f}{ratio:>8}"
            )
        profile = stage_profile(Path(tmp) / f"corpus{args.sizes[0]}")
    total = sum(profile.values())
    print("\nwhere the time goes (share of extraction time, sample of 200 articles):")
    for stage, seconds in sorted(profile.items(), key=lambda item: -item[1]):
        print(f"  {stage:<16}{seconds / total:>6.0%}  ({seconds * 1000 / 200:.1f} ms per article)")


if __name__ == "__main__":
    main()
