"""The seeded-error corpus: mutated instances raise exactly their codes, and Arelle agrees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.findings import CODES
from generator.validation import INPUT_CODES, validate_path
from generator.validation.rules import RULES
from tests.conftest import INSTANCES, Built
from tests.test_arelle import PROBLEM_LEVELS, arelle

CORPUS = Path(__file__).parent / "corpus"
CASES: list[dict[str, Any]] = yaml.safe_load((CORPUS / "mutations.yaml").read_text(encoding="utf-8"))
HOSTILE: dict[str, dict[str, Any]] = yaml.safe_load((CORPUS / "hostile" / "manifest.yaml").read_text(encoding="utf-8"))


def mutate(text: str, edits: list[dict[str, Any]]) -> str:
    """Apply a case's edits; each must match where and as often as it says."""
    for edit in edits:
        old, new = edit["old"], edit["new"]
        if "after" in edit:
            anchor = text.index(edit["after"])
            at = text.index(old, anchor)
            text = text[:at] + new + text[at + len(old) :]
            continue
        assert text.count(old) == edit.get("count", 1), f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def _mutant(built: Built, case: dict[str, Any]) -> Path:
    text = mutate(built.path(case["release"]).read_text(encoding="utf-8"), case["edits"])
    path = built.folder / f"mutant-{case['case']}.xml"  # beside the taxonomy its schemaRef names
    path.write_text(text, encoding="utf-8")
    return path


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 30
    assert len({case["case"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["case"] for case in CASES])
def test_each_mutant_raises_exactly_its_codes(built: Built, case: dict[str, Any]) -> None:
    path = _mutant(built, case)
    try:
        report = validate_path(path)
    finally:
        path.unlink()
    assert sorted({f.code for f in report.findings}) == sorted(case["codes"])
    assert all(f.file == path.name and (f.line or 0) > 0 for f in report.findings if f.code != "edgar.cover-missing")


@pytest.mark.parametrize("release", list(INSTANCES))
def test_clean_instances_raise_nothing(built: Built, release: str) -> None:
    assert validate_path(built.path(release)).findings == []


ARELLE_CASES = [case for case in CASES if case.get("arelle")]


@pytest.mark.parametrize("case", ARELLE_CASES, ids=[case["case"] for case in ARELLE_CASES])
def test_arelle_agrees(built: Built, case: dict[str, Any], tmp_path: Path) -> None:
    path = _mutant(built, case)
    try:
        entries = arelle(path, tmp_path / "log.json")
    finally:
        path.unlink()
    raised = {str(e["code"]) for e in entries if e["level"] in PROBLEM_LEVELS}
    for code in case["arelle"]:
        assert any(code in found for found in raised), f"Arelle raised {sorted(raised)}"


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_is_refused_cleanly(name: str) -> None:
    report = validate_path(CORPUS / "hostile" / name)
    assert [f.code for f in report.findings] == [HOSTILE[name]["code"]]
    assert report.unreadable


def test_every_validation_code_has_a_fixture() -> None:
    raised = {code for case in CASES for code in case["codes"]} | {entry["code"] for entry in HOSTILE.values()}
    validation = set(RULES) | INPUT_CODES | {"schema.invalid"}
    assert validation <= set(CODES)
    assert validation - raised == set()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_input_gives_one_clean_line_and_exit_2(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import main

    assert main(["validate", str(CORPUS / "hostile" / name)]) == 2
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{name}") and f"error [{HOSTILE[name]['code']}]" in lines[0]
    assert "Traceback" not in captured.out + captured.err
