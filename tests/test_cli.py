"""The command line: exit codes, clear one-line errors, no half-written output."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import SOURCES


def _copy(tmp_path: Path, number: str, line: int, old: str, new: str) -> Path:
    source = SOURCES[number]
    lines = source.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    copy = folder / source.name
    copy.write_text("\n".join(lines), encoding="utf-8")
    return copy


def test_build_of_one_release(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SOURCES["001"]), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "2Q FY2001 (2001-09-30)" in out and "iij-20010930.xml" in out
    assert (tmp_path / "iij-20010930.xml").is_file() and (tmp_path / "findings.json").is_file()


@pytest.mark.parametrize(
    ("line", "old", "new", "code"),
    [
        (255, "Total revenues", "Total revenuez", "source.unknown-label"),
        (245, "28,778", "28,7x8", "source.cell-unreadable"),
        (234, "Three Months", "Several Months", "source.period-unparsed"),
        (277, "JPY 119.23", "JPY 119.24", "source.rate-conflict"),
        (268, "1,266,458\t13.3", "1,266,458\t13.3\t9\t9\t9\t9\t9\t9\t9", "source.row-misfit"),
    ],
)
def test_bad_input_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: int, old: str, new: str, code: str
) -> None:
    copy = _copy(tmp_path, "001", line, old, new)
    out = tmp_path / "out"
    assert main(["build", str(copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{copy.name}:{line}: error [{code}]" in err
    assert "Traceback" not in err
    assert not (out / "iij-20010930.xml").exists()


def test_missing_file_and_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nope.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["frobnicate"])
    assert exit_.value.code == 2


def test_binary_and_empty_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["build", str(binary), str(empty), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "binary.txt:3: error [source.unreadable-file]" in err  # the NUL byte's line
    assert "empty.txt: error [source.no-statements]" in err


def test_the_6k_alone_cannot_be_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SOURCES["003"]), "--out", str(tmp_path)]) == 2
    assert "003_c8d0bee379711840.txt:345: error [source.table-unreadable]" in capsys.readouterr().err
    assert not (tmp_path / "iij-20020331.xml").exists()


def test_an_invalid_instance_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.build as build_module

    original = build_module.instance_bytes
    monkeypatch.setattr(
        build_module, "instance_bytes", lambda instance: original(instance).replace(b">9528307000<", b">9529307000<")
    )
    assert main(["build", str(SOURCES["001"]), "--out", str(tmp_path)]) == 1
    assert "error [calc.inconsistent]" in capsys.readouterr().err
