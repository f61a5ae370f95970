"""Time and peak memory of `xbrlgen build` and `xbrlgen validate`, beside Arelle, in one run.

    python bench/build_time.py [N]

Medians of N whole-command runs (interpreter start included), on the four
bundled releases:

- ``xbrlgen build`` (read, map, write, validate, every output format), with
  one process and with ``--jobs 2``;
- ``xbrlgen validate`` on the four instances;
- Arelle validating each instance (``--validate --calc c11r``, offline);

then the ratio the README quotes: building all four releases against Arelle
validating one of them.  Peak memory is the largest process's resident size.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import compile_package  # noqa: E402

_ENV = {**os.environ, "ARELLE_WORK_OFFLINE": "1"}


# Runs a command and reports its wall time and its processes' peak memory (a fresh parent per run).
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "started = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], capture_output=True)\n"
    "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _timed(command: list[str], runs: int) -> tuple[float, float]:
    """Median seconds, and the peak memory (MiB) of the command's largest process."""
    times, peaks = [], []
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, env=_ENV)
        seconds, kib = result.stdout.split()
        times.append(float(seconds))
        peaks.append(int(kib))
    return statistics.median(times), max(peaks) / 1024


def main() -> None:
    """Print the medians and the ratios."""
    compile_package()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    xbrlgen = [sys.executable, "-m", "generator.cli"]
    with tempfile.TemporaryDirectory() as name:
        out = Path(name)
        subprocess.run([*xbrlgen, "build", "-q", "--out", str(out)], check=True, capture_output=True)
        instances = sorted(p for p in out.glob("iij-*.xml") if re.fullmatch(r"iij-\d{8}\.xml", p.name))
        build, build_mib = _timed([*xbrlgen, "build", "-q", "--out", str(out / "again")], runs)
        build2, _ = _timed([*xbrlgen, "build", "-q", "--jobs", "2", "--out", str(out / "jobs")], runs)
        validate, validate_mib = _timed([*xbrlgen, "validate", "-q", *map(str, instances)], runs)
        arelle = {}
        for path in instances:
            log = out / "arelle.json"
            command = [
                sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(path), "--validate", "--calc", "c11r",
                "--workOffline", "--disablePersistentConfig", "--logFile", str(log), "--logFileMode", "w",
            ]  # fmt: skip
            arelle[path.name] = _timed(command, runs)
    print(f"median of {runs} whole-command runs:")
    print(f"  xbrlgen build, 4 releases:            {build:5.2f} s   peak {build_mib:4.0f} MiB")
    print(f"  xbrlgen build --jobs 2, 4 releases:   {build2:5.2f} s")
    print(f"  xbrlgen validate, 4 instances:        {validate:5.2f} s   peak {validate_mib:4.0f} MiB")
    for name_, (seconds, mib) in arelle.items():
        print(f"  Arelle --validate --calc c11r, {name_}: {seconds:5.2f} s   peak {mib:4.0f} MiB")
    one = statistics.median(seconds for seconds, _ in arelle.values())
    print(f"  building all four / Arelle validating one: {build / one:4.2f} (--jobs 2: {build2 / one:4.2f})")
    print(f"  validating all four / Arelle validating one: {validate / one:4.2f}")


if __name__ == "__main__":
    main()
