"""What the benchmarks share."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def compile_package() -> None:
    """Byte-compile the package first, as a regular (non-editable) install does: timings exclude compiling."""
    package = Path(__file__).resolve().parents[1] / "generator"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
