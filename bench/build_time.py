"""Time `xbrlgen build` on the bundled releases (median of N runs, wall clock).

    python bench/build_time.py [N]

Prints the whole-command time (interpreter start included) and the
in-process time of the build, both read -> map -> write -> validate.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.build import build
from generator.resources import bundled_sources


def main() -> None:
    """Time N builds both ways and print the medians."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    command = [sys.executable, "-m", "generator.cli", "build", "-q", "--out"]
    wall, inside = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            subprocess.run([*command, folder], check=True, capture_output=True)
            wall.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            build(bundled_sources(), Path(folder))
            inside.append(time.perf_counter() - started)
    print(f"xbrlgen build, 4 releases, median of {runs}:")
    print(f"  whole command (interpreter start, imports, build): {statistics.median(wall):.2f} s")
    print(
        f"  in-process build (read, map, write, validate):     {statistics.median(inside):.2f} s "
        f"(first run {inside[0]:.2f} s, includes building the schema object once)"
    )


if __name__ == "__main__":
    main()
