"""The reference processor agrees: Arelle, offline, with calculations and duplicates checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import INSTANCES, Built

PROBLEM_LEVELS = {"error", "warning", "inconsistency", "critical", "fatal"}


def arelle(instance: Path, log: Path) -> list[dict[str, object]]:
    """Validate with Arelle exactly as XBRL-NOTES prescribes; return its log entries."""
    command = [
        sys.executable, "-m", "arelle.CntlrCmdLine",
        "--file", str(instance),
        "--validate", "--calc", "c11r", "--validateDuplicateFacts", "inconsistent",
        "--workOffline", "--disablePersistentConfig", "--validationExitCode",
        "--logFile", str(log), "--logFileMode", "w",
    ]  # fmt: skip
    environment = {**os.environ, "ARELLE_WORK_OFFLINE": "1"}
    subprocess.run(command, env=environment, capture_output=True, timeout=300, check=False)
    entries: list[dict[str, object]] = json.loads(log.read_text(encoding="utf-8"))["log"]
    return entries


def _problems(entries: list[dict[str, object]]) -> list[str]:
    return [f"{e['level']} {e['code']}: {e['message']['text'][:200]}" for e in entries if e["level"] in PROBLEM_LEVELS]  # type: ignore[index]


@pytest.mark.parametrize("release", list(INSTANCES))
def test_arelle_reports_nothing(built: Built, release: str, tmp_path: Path) -> None:
    entries = arelle(built.path(release), tmp_path / "log.json")
    assert any("validated in" in str(e["message"]) for e in entries), "Arelle did not validate"
    assert _problems(entries) == []


def test_arelle_would_catch_a_broken_subtotal(built: Built, tmp_path: Path) -> None:
    # The same harness must fail on a real inconsistency, or the test above proves nothing.
    text = built.path("001").read_text(encoding="utf-8").replace(">9528307000<", ">9529307000<")
    mutant = built.folder / "mutant-arelle.xml"
    mutant.write_text(text, encoding="utf-8")
    try:
        problems = _problems(arelle(mutant, tmp_path / "log.json"))
    finally:
        mutant.unlink()
    assert any("calc11e:inconsistentCalculationUsingRounding" in p and "iij:Revenues" in p for p in problems)


def test_arelle_checks_the_forecast_dimensions(built: Built, tmp_path: Path) -> None:
    # The default member may not be written in a context (XBRL Dimensions 1.0, 2.7.1): Arelle
    # must see our definition linkbase for that to be an error, which proves it validates dimensions.
    text = built.path("001").read_text(encoding="utf-8")
    assert text.count(">iij:ForecastMember<") > 0
    mutant = built.folder / "mutant-dimensions.xml"
    mutant.write_text(text.replace(">iij:ForecastMember<", ">iij:ResultMember<"), encoding="utf-8")
    try:
        problems = _problems(arelle(mutant, tmp_path / "log.json"))
    finally:
        mutant.unlink()
    assert any("xbrldie:DefaultValueUsedInInstanceError" in p for p in problems)
