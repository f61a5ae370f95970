"""How `xbrlgen build --jobs N` scales over a synthetic corpus of releases.

    python bench/scaling.py [JOBS] [SIZES...]      (default: 2 10 100 1000)

Writes N synthetic releases (``bench/synthetic.py``: 001, corrected, moved
back two years per copy), then times the whole command ``xbrlgen build
--jobs JOBS`` on the first 10, 100, 1,000 of them: releases per second,
CPU time per release (every process, user and system: steadier than the
wall clock on a busy machine), and the peak memory of the largest process.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import compile_package  # noqa: E402
from synthetic import write_corpus  # noqa: E402


def _run(paths: list[Path], jobs: int, out: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of every process (user and system), peak memory of the largest (KiB)."""
    command = [sys.executable, "-m", "generator.cli", "build", "-q", "--jobs", str(jobs), "--out", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([*command, *map(str, paths)], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"build failed ({result.returncode}): {result.stderr[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return seconds, cpu, after.ru_maxrss  # the largest child so far


def main() -> None:
    """Build growing prefixes of the corpus and print the rates."""
    compile_package()
    jobs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    sizes = [int(n) for n in sys.argv[2:]] or [10, 100, 1000]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = write_corpus(folder / "sources", max(sizes))
        print(f"xbrlgen build --jobs {jobs} on synthetic releases (each: 001's 418 facts, 8 output files):")
        for size in sizes:
            seconds, cpu, peak = _run(paths[:size], jobs, folder / f"out-{size}")
            print(
                f"  {size:5d} releases: {seconds:7.2f} s  {size / seconds:6.1f} releases/s  "
                f"{1000 * cpu / size:6.1f} CPU ms/release  peak memory {peak / 1024:.0f} MiB"
            )


if __name__ == "__main__":
    main()
