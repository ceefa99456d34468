"""A 300-passenger PAXLST flight screened end to end against the 43,000-person benchmark list.

python benchmarks/paxlst.py [--size 43000] [--passengers 300] [--synthetic] [--repeat 3]

The list is `hajiz bench`'s (hajiz.benchmarking): the real UN and OFAC persons when
HAJIZ_REAL_DATA_DIR (default ../shared/data/real) has them, up to half the list, the rest
synthetic. The flight is a manifest mix (97% unlisted travellers, 3% listed persons, their names
varied; listed persons known by an Arabic-script name are written the ICAO Doc 9303 way), written
as PAXLST with passports and birth dates, then timed: parse, build the queries, screen (every
core, then one), total. Building the list index is not part of the figure: a service holds it.
Target: the whole flight in under a second.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from datetime import date
from pathlib import Path

import countrynames

from hajiz.benchmarking.queries import MANIFEST_MIX, BenchList, QueryKind, query_mix
from hajiz.benchmarking.runner import DEFAULT_SEED, has_real_data
from hajiz.benchmarking.sizes import build_screener
from hajiz.manifests import parse_paxlst, plan_manifest, screen_planned
from hajiz.manifests.icao_arabic import from_arabic
from hajiz.manifests.writer import (
    DocumentRecord,
    Envelope,
    FlightRecord,
    TravellerRecord,
    write_paxlst,
)
from hajiz.model import Query, Script
from hajiz.names.lexicon import load_lexicon
from hajiz.names.normalize import detect_script
from hajiz.settings import Settings

TARGET_S = 1.0


def _record(query: Query, index: int, rng: random.Random) -> TravellerRecord:
    name = query.names[0]
    if detect_script(name) is Script.ARABIC:
        name = from_arabic(name) or f"TRAVELLER {index}"
    words = [w for w in name.upper().replace("<", " ").split() if w]
    born = query.birth_dates[0].date if query.birth_dates and query.birth_dates[0].date else None
    birth = date(born.year, born.month or 1, born.day or 1) if born else None
    nationality = countrynames.to_code_3(query.nationalities[0]) if query.nationalities else None
    return TravellerRecord(
        surname=words[-1],
        given_names=(" ".join(words[:-1]),) if len(words) > 1 else (),
        gender=rng.choice("MF"),
        birth_date=birth,
        nationality=nationality or "",
        documents=(DocumentRecord("P", f"P{index:08d}", date(2030, 1, 1), nationality or ""),),
    )


def flight_text(listed: BenchList, passengers: int, seed: int) -> tuple[str, int]:
    """The PAXLST interchange of the flight, and how many listed persons are aboard."""
    rng = random.Random(f"{seed}/paxlst")
    mix = query_mix(listed, passengers, seed, MANIFEST_MIX, "paxlst")
    records = [_record(query, i, rng) for i, (_, query) in enumerate(mix)]
    aboard = sum(1 for kind, _ in mix if kind is not QueryKind.UNLISTED)
    return write_paxlst(FlightRecord(), records, Envelope(reference="BENCH0001")), aboard


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=43_000, help="Persons on the list.")
    parser.add_argument("--passengers", type=int, default=300, help="Travellers on the flight.")
    parser.add_argument("--synthetic", action="store_true", help="Do not use the real lists.")
    parser.add_argument("--repeat", type=int, default=3, help="Timed runs (median reported).")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()

    data_dir: Path = Settings().real_data_dir
    real = []
    if not args.synthetic and has_real_data(data_dir):
        from hajiz.evaluation.watchlist import load_watchlist

        real = list(load_watchlist(data_dir).entries)
    load_lexicon()
    listed = BenchList.of(args.size, args.seed, real)
    started = time.perf_counter()
    screener, _ = build_screener(listed, "hajiz-v1")
    build_s = time.perf_counter() - started
    text, aboard = flight_text(listed, args.passengers, args.seed)
    screen_planned(screener, plan_manifest(parse_paxlst(text))[:20], workers=1)  # warm-up

    rows: dict[str, list[float]] = {}
    flagged = 0
    for workers in (None, 1):
        label = f"{os.cpu_count()} cores" if workers is None else "1 core"
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            manifest = parse_paxlst(text)
            t1 = time.perf_counter()
            planned = plan_manifest(manifest)
            t2 = time.perf_counter()
            outcomes = screen_planned(screener, planned, workers=workers)
            t3 = time.perf_counter()
            for step, seconds in (
                ("parse", t1 - t0),
                ("queries", t2 - t1),
                ("screen", t3 - t2),
                ("total", t3 - t0),
            ):
                rows.setdefault(f"{step} ({label})", []).append(seconds)
            flagged = sum(1 for o in outcomes if o.status == "hit")

    print(
        f"PAXLST flight: {args.passengers} travellers ({len(text):,} characters), "
        f"list of {args.size:,} persons ({len(listed.real):,} real), index built in {build_s:.1f} s"
    )
    print(f"{aboard} listed persons aboard, {flagged} travellers flagged; load {os.getloadavg()}")
    print(f"{'step':<24}{'median s':>10}{'min s':>10}")
    for step, values in rows.items():
        print(f"{step:<24}{statistics.median(values):>10.3f}{min(values):>10.3f}")
    best_total = min(statistics.median(v) for k, v in rows.items() if k.startswith("total"))
    verdict = "met" if best_total < TARGET_S else "missed"
    print(f"target: whole flight under {TARGET_S:.0f} s: {verdict} ({best_total:.3f} s)")


if __name__ == "__main__":
    main()
