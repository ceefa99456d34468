from __future__ import annotations

from hajiz.benchmarking.targets import ENGINE_TARGETS, SIZE_TARGETS, Target, size_target, verdicts


def size_figures(size: int, p50: float, p99: float, build: float) -> dict:
    return {
        "size": size,
        "screen": {"latency_ms": {"p50": p50, "p99": p99}},
        "build": {"total_s": build},
        "memory": {"peak_mb": 100.0},
        "manifest": {"wall_s": 1.0},
        "snapshot": None,
    }


def test_a_target_reads_its_figure_and_checks_the_bound():
    target = Target(("screen", "latency_ms", "p50"), 2, "ms", 43_000)
    assert target.label == "≤ 2 ms"
    assert target.value(size_figures(43_000, 1.5, 5, 10)) == 1.5
    assert target.check(size_figures(43_000, 1.5, 5, 10)) is True
    assert target.check(size_figures(43_000, 2.0, 5, 10)) is True
    assert target.check(size_figures(43_000, 2.01, 5, 10)) is False


def test_a_figure_not_measured_has_no_verdict():
    target = Target(("snapshot", "load_s"), 10, "s", 1_000_000)
    assert target.value(size_figures(1_000_000, 1, 1, 1)) is None
    assert target.check(size_figures(1_000_000, 1, 1, 1)) is None


def test_size_targets_apply_to_their_size_only():
    assert size_target(("screen", "latency_ms", "p50"), 43_000).bound == 2
    assert size_target(("screen", "latency_ms", "p50"), 1_000_000).bound == 10
    assert size_target(("screen", "latency_ms", "p50"), 1_000) is None
    assert size_target(("memory", "peak_mb"), 43_000) is None


def test_the_brief_targets_are_all_there():
    at_43k = {t.path: t.bound for t in SIZE_TARGETS if t.size == 43_000}
    at_1m = {t.path: t.bound for t in SIZE_TARGETS if t.size == 1_000_000}
    assert at_43k == {
        ("screen", "latency_ms", "p50"): 2,
        ("screen", "latency_ms", "p99"): 10,
        ("build", "total_s"): 15,
    }
    assert at_1m[("build", "total_s")] == 180
    assert at_1m[("memory", "peak_mb")] == 4096
    assert at_1m[("snapshot", "load_s")] == 10
    assert at_1m[("manifest", "wall_s")] == 3
    assert {t.path for t in ENGINE_TARGETS} == {
        ("analysis", "warming", "p50_us"),
        ("lexicon", "load_s"),
        ("lexicon", "retained_mb"),
    }


def test_verdicts_list_every_applicable_target_with_pass_or_fail():
    report = {
        "engine": {
            "lexicon": {"load_s": 0.5, "retained_mb": 150.0},
            "analysis": {"warming": {"p50_us": 30.0}},
        },
        "sizes": [size_figures(1_000, 50, 50, 50), size_figures(43_000, 1.0, 20.0, 10.0)],
    }
    rows = verdicts(report)
    engine = {r["figure"]: r["pass"] for r in rows if r["size"] is None}
    assert engine == {
        "analysis.warming.p50_us": True,
        "lexicon.load_s": True,
        "lexicon.retained_mb": False,
    }
    sized = {r["figure"]: (r["value"], r["pass"]) for r in rows if r["size"] == 43_000}
    assert sized == {
        "screen.latency_ms.p50": (1.0, True),
        "screen.latency_ms.p99": (20.0, False),
        "build.total_s": (10.0, True),
    }
    assert not [r for r in rows if r["size"] == 1_000]


def test_verdicts_without_an_engine_report():
    assert verdicts({"engine": None, "sizes": []}) == []
