"""Freeing a large parsed document without glibc's fast-bin merge.

A parsed document is millions of small C allocations, and schema validation
adds an ID or reference record for every ``id``, ``contextRef`` and
``unitRef``.  glibc keeps small freed chunks in "fast bins" and merges them
all at the next large allocation or release: for a 60,000-fact instance the
free and that merge take 0.13 s, against 0.05 s when chunks are merged as they
are freed.  So fast bins are switched off (``mallopt``) while a large document
is freed, then set back to glibc's default.  With another C library, on
another platform, or when ``GLIBC_TUNABLES`` sets fast bins, nothing changes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

LARGE = 4_000_000  # bytes of XML; a smaller document frees in a few milliseconds anyway
_M_MXFAST = 1  # mallopt's parameter number for the fast-bin size limit


@cache
def _mallopt() -> Callable[[int, int], int] | None:
    if not sys.platform.startswith("linux") or "mxfast" in os.environ.get("GLIBC_TUNABLES", ""):
        return None
    import ctypes  # only for large documents: it is not free to import

    try:
        function = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # not glibc
        return None
    function.argtypes, function.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return function


@contextmanager
def fast_bins_off(size: int) -> Iterator[None]:
    """Within this block, freed memory is merged as it goes, if ``size`` (bytes of XML) is large."""
    mallopt = _mallopt() if size >= LARGE else None
    if mallopt is None or mallopt(_M_MXFAST, 0) != 1:
        yield
        return
    try:
        yield
    finally:
        mallopt(_M_MXFAST, 64 * 8 // 4 if sys.maxsize > 2**32 else 64 * 4 // 4)  # glibc's default
