"""CSV text exactly as Python's ``csv.writer`` writes it (minimal quoting), at a fraction of its cost.

``csv.writer`` examines every character of every field one at a time,
about 1.5 us a row of coverage.csv.  Most of our rows need no quoting or
only quote fields holding a comma (``"9,528,307"``): those are joined here.
A row holding a quote or a line break goes through ``csv.writer`` itself.
Writers that write a piece shared by many rows once (coverage.csv's
outcomes) assemble lines from ``csv_lines`` and ``csv_field``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence


def csv_text(rows: Iterable[Sequence[str]], lineterminator: str) -> str:
    """The rows as ``csv.writer(..., lineterminator=lineterminator).writerows(rows)`` writes them."""
    lines = csv_lines(rows, lineterminator)
    return lineterminator.join(lines) + lineterminator if lines else ""


def csv_lines(rows: Iterable[Sequence[str]], lineterminator: str) -> list[str]:
    """Each row as ``csv.writer(..., lineterminator=lineterminator)`` writes it, without the line terminator."""
    if lineterminator not in ("\n", "\r\n"):
        raise ValueError(f"line terminator {lineterminator!r}: csv would quote fields holding it")
    lines = []
    for row in rows:
        line = ",".join(row)
        if not line or '"' in line or "\n" in line or "\r" in line:  # csv writes a lone empty field as ""
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator=lineterminator).writerow(row)
            line = buffer.getvalue()[: -len(lineterminator)]
        elif line.count(",") != len(row) - 1:  # a field holds a comma: csv quotes that field
            line = ",".join([f'"{field}"' if "," in field else field for field in row])
        lines.append(line)
    return lines


def csv_field(text: str, lineterminator: str) -> str:
    """One field as ``csv.writer(..., lineterminator=lineterminator)`` writes it in a row of several."""
    if '"' in text or "\n" in text or "\r" in text:
        return csv_lines([[text]], lineterminator)[0]  # not empty: quoted as in any row
    return f'"{text}"' if "," in text else text


def plain_field(text: str) -> bool:
    """Whether ``csv.writer`` writes each of the fields joined into ``text`` as it is, in a row of several.

    A field is quoted if it holds a comma, a quote or a line break; so, like
    ``markup.plain``, one test can stand for several fields at once.
    """
    return "," not in text and '"' not in text and "\n" not in text and "\r" not in text
