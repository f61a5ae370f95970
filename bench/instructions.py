"""Instructions one release costs, counted by valgrind: a measure the machine's speed does not move.

    python bench/instructions.py [N]      (default 10; needs valgrind, which the project does not install)

Builds N and then 3N synthetic releases in one process (``build``, as
``xbrlgen build`` without ``--jobs`` does: read, map, write, validate, every
format) under callgrind, and divides the difference by 2N: start-up,
imports and the taxonomy cancel out.  Two trees compared this way differ by
their per-release work alone.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import write_corpus  # noqa: E402

_BUILD = (
    "import sys; from pathlib import Path; from generator.build import build; "
    "build([Path(p) for p in sys.argv[2:]], Path(sys.argv[1]))"
)


def _instructions(paths: list[Path], out: Path) -> int:
    """Instructions callgrind counts for a whole build of ``paths``."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _BUILD]
    result = subprocess.run([*command, str(out), *map(str, paths)], capture_output=True, text=True, check=False)
    collected = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode != 0 or collected is None:
        raise SystemExit(f"build under valgrind failed ({result.returncode}): {result.stderr[-2000:]}")
    return int(collected.group(1))


def main() -> None:
    """Count a build of N and of 3N releases, print the difference per release."""
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        paths = write_corpus(folder / "sources", 3 * n)
        few = _instructions(paths[:n], folder / "few")
        many = _instructions(paths, folder / "many")
    print(f"one release (read, map, write, validate, every format): {(many - few) / (2 * n) / 1e6:.1f} M instructions")


if __name__ == "__main__":
    main()
