"""PNG plots of a report (matplotlib, Agg backend): recall against FP rate, and per threshold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hajiz.errors import ConfigError
from hajiz.evaluation.cases import Category

FP_AXIS_MAX = 10.0  # percent: the region where a border post can work
_STYLES = {"hajiz": "-", "hajiz (pairs)": "--"}


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError as error:
        raise ConfigError("The plots need matplotlib: pip install 'hajiz[eval]'") from error
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _index_of(thresholds: list[float], value: float) -> int:
    return min(range(len(thresholds)), key=lambda i: abs(thresholds[i] - value))


def plot_roc(report: dict[str, Any], category: str, path: Path) -> None:
    """Recall of one positive category against the negatives' FP rate, per engine."""
    plt = _pyplot()
    thresholds: list[float] = report["thresholds"]
    data = report["categories"][category]
    figure, axes = plt.subplots(figsize=(6.4, 4.8))
    for engine, values in data["engines"].items():
        negatives = report["negatives_all"].get(engine)
        if negatives is None or not values["recall_curve"]:
            continue
        fp = [f * 100 for f in negatives["flag_curve"]]
        recall = [r * 100 for r in values["recall_curve"]]
        label = f"{engine} (n={values['cases']})"
        line = axes.plot(fp, recall, _STYLES.get(engine, ":"), label=label, linewidth=1.6)
        default = values["threshold"]
        at = _index_of(thresholds, default)
        axes.plot(fp[at], recall[at], "o", color=line[0].get_color())
        axes.annotate(
            f"{default:.2f}", (fp[at], recall[at]), textcoords="offset points", xytext=(5, -12)
        )
    axes.set_xlim(0, FP_AXIS_MAX)
    axes.set_ylim(0, 100)
    axes.set_xlabel("false-positive rate per unlisted traveller (%)")
    axes.set_ylabel("recall (%)")
    axes.set_title(f"{category} (dot = each engine's default threshold)")
    axes.grid(alpha=0.3)
    axes.legend(loc="lower right")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def plot_thresholds(report: dict[str, Any], path: Path, engine: str = "hajiz") -> None:
    """Every category's recall or flag rate against the threshold, for one engine."""
    plt = _pyplot()
    thresholds: list[float] = report["thresholds"]
    figure, (top, bottom) = plt.subplots(2, 1, figsize=(7.2, 7.2), sharex=True)
    for name, data in report["categories"].items():
        values = data["engines"].get(engine)
        if values is None:
            continue
        if Category(name).is_positive:
            top.plot(thresholds, [r * 100 for r in values["recall_curve"]], label=name)
        else:
            bottom.plot(thresholds, [f * 100 for f in values["flag_curve"]], label=name)
    for axes, label in ((top, "recall (%)"), (bottom, "cases flagged (%)")):
        axes.axvline(report["config"]["threshold"], color="grey", linestyle="--", linewidth=1)
        axes.set_ylabel(label)
        axes.grid(alpha=0.3)
        axes.legend(fontsize="small")
    bottom.set_yscale("symlog", linthresh=1.0)
    bottom.set_ylim(0, 100)
    bottom.set_xlabel("threshold")
    top.set_title(f"{engine}: recall and flag rates by threshold (dashed = default)")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_plots(report: dict[str, Any], out_dir: Path) -> list[Path]:
    """All plots of a report into `out_dir`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in report["categories"]:
        if Category(name).is_positive:
            path = out_dir / f"roc-{name}.png"
            plot_roc(report, name, path)
            written.append(path)
    path = out_dir / "thresholds.png"
    plot_thresholds(report, path)
    written.append(path)
    return written
