from __future__ import annotations

from hajiz.benchmarking.engine import bench_analysis, bench_lexicon, clear_name_caches
from hajiz.names.analysis import analyse, analyse_part
from hajiz.names.lexicon import load_lexicon


def test_clearing_the_name_caches_keeps_the_lexicon():
    lexicon = load_lexicon()
    analyse("Abd al-Rahman al-Baghdadi")
    assert analyse_part.cache_info().currsize > 0
    assert clear_name_caches() >= 3
    assert analyse_part.cache_info().currsize == 0
    assert analyse.cache_info().currsize == 0
    assert load_lexicon() is lexicon


def test_analysis_figures_cover_every_name_once_per_pass():
    figures = bench_analysis(60, seed=3, cold_count=20)
    assert figures["names"] == 60
    warming = figures["warming"]
    assert warming["names"] == 60
    assert figures["cold"]["names"] == 20
    assert figures["gc_paused"]["names"] == 60
    latin = figures["latin"]["names"] if figures["latin"] else 0
    assert latin + figures["arabic_script_names"] == 60
    assert 0 < warming["p50_us"] <= warming["p95_us"] <= warming["p99_us"]
    # A million names at the mean time per name: µs per name = s per million names.
    assert warming["million_names_s"] == warming["mean_us"]


def test_lexicon_figures():
    figures = bench_lexicon()
    assert figures["words"] == len(load_lexicon())
    assert figures["load_s"] >= 0  # cached here: the real first load is timed in a fresh process
    assert figures["parse_s"] > 0
    # The loaded lexicon is far bigger than its compressed file, and smaller than its peak.
    assert figures["file_mb"] < figures["retained_mb"] <= figures["peak_traced_mb"]
