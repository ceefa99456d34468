"""Benchmark the name lexicon and keys: load time, memory, and cost per word.

    python scripts/bench_lexicon.py

Runs in a fresh process so the load is cold. Budgets: load < 1 s, < 100 MB added memory,
keys a few microseconds per word (they are computed for every word of a million-name list).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def per_word_us(function: object, words: list[str]) -> float:
    """Mean microseconds per call of an uncached function over the words."""
    call = getattr(function, "__wrapped__", function)
    assert callable(call)
    started = time.perf_counter()
    for word in words:
        call(word)
    return (time.perf_counter() - started) / len(words) * 1e6


def main() -> None:
    """Print the numbers."""
    import hajiz.names.normalize  # noqa: F401  (its import cost is not the lexicon's)

    before = rss_mb()
    started = time.perf_counter()
    from hajiz.names.lexicon import load_lexicon

    lexicon = load_lexicon()
    load_s = time.perf_counter() - started
    added = rss_mb() - before
    print(f"lexicon: {len(lexicon):,} words, {lexicon.group_count:,} groups")
    print(f"load: {load_s:.3f} s, memory added: {added:.1f} MB (RSS)")

    from hajiz.names.phonetic import phonetic_key, skeleton
    from hajiz.names.romanize import romanize, romanize_rules

    latin = [w for w in lexicon._words if w.isascii()][:50_000]
    arabic = [w for w in lexicon._words if not w.isascii()][:20_000]
    print(f"phonetic_key: {per_word_us(phonetic_key, latin):.2f} us/word (uncached)")
    print(f"skeleton latin: {per_word_us(skeleton, latin):.2f} us/word (uncached)")
    print(f"skeleton arabic: {per_word_us(skeleton, arabic):.2f} us/word (uncached)")
    print(f"romanize_rules: {per_word_us(romanize_rules, arabic[:5000]):.1f} us/word (uncached)")
    print(f"romanize: {per_word_us(romanize, arabic[:5000]):.1f} us/word (uncached)")
    started = time.perf_counter()
    for word in latin:
        lexicon.group_ids(word)
        lexicon.frequency(word)
    lookup = (time.perf_counter() - started) / len(latin) * 1e6
    print(f"group_ids + frequency: {lookup:.2f} us/word")


if __name__ == "__main__":
    main()
