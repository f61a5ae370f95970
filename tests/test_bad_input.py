"""Bad input never crashes the build, never loses a figure silently, never leaves half its output.

Each case damages a copy of 001 the way real files get damaged and names
the finding the build must report, at the line it must name.  The build
exits 2, prints no traceback and writes no instance for the release.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import SOURCES

SOURCE = SOURCES["001"]
LINES = SOURCE.read_text(encoding="utf-8").split("\n")

Damage = Callable[[list[str]], list[str] | bytes]


def _line(number: int, edit: Callable[[str], str]) -> Damage:
    def damage(lines: list[str]) -> list[str]:
        lines[number - 1] = edit(lines[number - 1])
        return lines

    return damage


def _cells(number: int, keep: int) -> Damage:
    return _line(number, lambda line: "\t".join(line.split("\t")[:keep]))


def _column_dropped(lines: list[str]) -> list[str]:
    # The 1Q01 block (JPY, %, QoQ) of the statement of operations, lost from every row (001:244-275).
    return [("\t".join(line.split("\t")[:7]) if 243 <= i < 275 else line) for i, line in enumerate(lines)]


def _twice(lines: list[str]) -> list[str]:
    # The statement of operations printed again at the end, with one figure different.
    again = [line.replace("9,528,307", "9,528,999") for line in lines[231:276]]
    return lines + ["", *again]


CASES: dict[str, tuple[Damage, str, int | None]] = {
    # name: (damage, code, line)
    "truncated after the balance sheet's assets": (lambda lines: lines[:300], "source.table-incomplete", 300),
    "truncated before the statements": (lambda lines: lines[: len(lines) // 2], "source.no-statements", None),
    "a total's cell lost": (_cells(255, 7), "source.total-missing", 255),
    "a column lost from every row": (_column_dropped, "source.column-empty", 242),
    "a non-numeric cell": (_line(245, lambda line: line.replace("28,778", "28,7x8")), "source.cell-unreadable", 245),
    "an unknown line label": (_line(255, lambda line: line.replace("Total revenues", "Total revenuez")), "source.unknown-label", 255),
    "an unreadable period heading": (_line(234, lambda line: line.replace("Three Months", "Several Months")), "source.period-unparsed", 234),
    "no rate note": (lambda lines: [line for line in lines if not line.startswith("Note (1)")], "source.rate-missing", None),
    "a contradictory rate note": (_line(277, lambda line: line.replace("JPY 119.23", "JPY 119.24")), "source.rate-conflict", 277),
    "a table printed twice, differently": (_twice, "source.figure-conflict", 255),
    "Shift-JIS bytes in a UTF-8 file": (lambda lines: "\n".join(lines).encode() + "\n決算".encode("cp932"), "source.unreadable-file", 366),
    "an empty file": (lambda lines: b"", "source.no-statements", None),
    "a binary file": (lambda lines: b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "source.unreadable-file", 3),
    "a huge file": (lambda lines: b"x" * (21 * 1024 * 1024), "source.unreadable-file", None),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_damaged_input_fails_cleanly(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damage, code, line = CASES[name]
    damaged = damage(list(LINES))
    copy = tmp_path / "in" / SOURCE.name
    copy.parent.mkdir()
    if isinstance(damaged, bytes):
        copy.write_bytes(damaged)
    else:
        copy.write_text("\n".join(damaged), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    where = f"{copy.name}:{line}" if line else copy.name
    assert f"{where}: error [{code}]" in err, err
    assert "Traceback" not in err
    assert not [p for p in out.glob("*.xml") if re.fullmatch(r"iij-\d{8}\.xml", p.name)]  # no instance


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("a byte-order mark", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("Windows line endings", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_harmless_encodings_build_the_same_instance(
    name: str, encode: Callable[[str], bytes], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "in" / SOURCE.name
    copy.parent.mkdir()
    copy.write_bytes(encode(SOURCE.read_text(encoding="utf-8")))
    assert main(["build", str(copy), "--out", str(tmp_path / "a")]) == 0
    assert main(["build", str(SOURCE), "--out", str(tmp_path / "b")]) == 0
    capsys.readouterr()
    assert (tmp_path / "a" / "iij-20010930.xml").read_bytes() == (tmp_path / "b" / "iij-20010930.xml").read_bytes()
