"""Writing output atomically: a reader never sees half a file.

A rename is atomic, so a build killed at any moment leaves each file old or
new.  No fsync: surviving a power cut is not the goal, and syncing every
file would double the time a thousand-release build spends writing.
"""

from __future__ import annotations

import filecmp
import os
from collections.abc import Iterable
from pathlib import Path


def remove_leftovers(folder: Path) -> None:
    """Temporary files a killed build left behind (a kill -9 cannot clean up after itself)."""
    if folder.is_dir():
        for leftover in folder.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes | memoryview) -> None:
    """Write to a temporary name beside ``path``, then rename over it.

    A file that already holds exactly these bytes is left alone: a rebuild
    rewrites nothing that did not change (and readers' caches keyed on
    modification times stay valid).
    """
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except OSError:
        pass  # absent or unreadable: write it
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)  # atomic: an interrupted build leaves the old file or the new, never half
    finally:
        temporary.unlink(missing_ok=True)


def write_atomic_parts(path: Path, parts: Iterable[bytes]) -> None:
    """``write_atomic`` for a file too large to hold whole: its parts written one after another."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as handle:
            handle.writelines(parts)
        if not (path.is_file() and filecmp.cmp(temporary, path, shallow=False)):
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
