"""Run the speed and memory benchmark: the same as `hajiz bench`, with the same options.

python benchmarks/bench.py --sizes 1000,43000 --json bench.json
"""

from __future__ import annotations

from hajiz.cli.bench import bench_command

if __name__ == "__main__":
    bench_command(prog_name="bench.py")
