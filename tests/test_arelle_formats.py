"""Arelle, offline, opens every downstream format with zero problems and finds the XML instance's facts.

One Arelle process loads every output (tests/arelle_facts.py); each fact is
compared in one canonical form: id, concept, entity, period, dimensions,
unit, decimals, language, value and linked footnotes (language, text).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.oim import csv as oim_csv
from generator.packages import SCHEMA_URL, TAXONOMY_PACKAGE
from tests.conftest import INSTANCES, Built

HARNESS = Path(__file__).with_name("arelle_facts.py")
PROBLEM_LEVELS = {"error", "warning", "inconsistency", "critical", "fatal"}
FORMATS = {  # name -> file of a release, from its XML instance's stem
    "xml": "{stem}.xml",
    "xBRL-JSON": "{stem}.json",
    "xBRL-CSV": "{stem}-metadata.json",
    "inline": "{stem}.html",
    "report package": "{stem}.xbri",
}
MUTANT_JSON = "mutant-value.json"
MUTANT_INLINE = "mutant-format.html"


def _mutants(folder: Path) -> None:
    """Broken copies the harness must catch, or the equalities below prove nothing."""
    document = json.loads((folder / "iij-20010930.json").read_text(encoding="utf-8"))
    document["facts"]["Revenues_D2001-07-01_2001-09-30_JPY"]["value"] = "9528308000"
    (folder / MUTANT_JSON).write_text(json.dumps(document), encoding="utf-8")
    inline = (folder / "iij-20010930.html").read_text(encoding="utf-8")
    broken = inline.replace(">9,528,307<", ">9,528,3O7<")  # a letter O where 001:255 prints a zero
    assert broken != inline
    (folder / MUTANT_INLINE).write_text(broken, encoding="utf-8")


@pytest.fixture(scope="module")
def loaded(built: Built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every output of the build as Arelle loads it: log and facts, by file name."""
    folder = tmp_path_factory.mktemp("mutants")
    for name in ("iij-20010930.json", "iij-20010930.html", "iij-2004-05-14.xsd"):
        (folder / name).write_bytes((built.folder / name).read_bytes())
    for path in built.folder.glob("iij-2004-05-14_*.xml"):
        (folder / path.name).write_bytes(path.read_bytes())
    _mutants(folder)
    job = [
        {"file": str(built.folder / pattern.format(stem=Path(name).stem))}
        for name in INSTANCES.values()
        for pattern in FORMATS.values()
    ]
    job.append({"file": str(built.folder / TAXONOMY_PACKAGE)})
    job.append({"file": SCHEMA_URL, "packages": [str(built.folder / TAXONOMY_PACKAGE)]})
    job += [{"file": str(folder / MUTANT_JSON)}, {"file": str(folder / MUTANT_INLINE)}]
    (folder / "job.json").write_text(json.dumps(job), encoding="utf-8")
    command = [sys.executable, str(HARNESS), str(folder / "job.json"), str(folder / "out.json")]
    run = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    results: dict[str, Any] = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    return {Path(file).name if "/" in file and not file.startswith("http") else file: r for file, r in results.items()}


def _problems(result: dict[str, Any]) -> list[str]:
    return [f"{e['level']} {e['code']}: {e['text']}" for e in result["log"] if e["level"] in PROBLEM_LEVELS]


def _canonical(fact: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A fact keyed by its XML id: xBRL-CSV forms ids as ``numeric.r_<id>.value``."""
    fact = dict(fact)
    fact_id = fact.pop("id")
    for table in (oim_csv.NUMERIC, oim_csv.TEXT):
        prefix, suffix = f"{table}.r_", f".{oim_csv.VALUE_COLUMN}"
        if fact_id.startswith(prefix) and fact_id.endswith(suffix):
            fact_id = fact_id.removeprefix(prefix).removesuffix(suffix)
    return fact_id, fact


def _facts(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    facts = dict(_canonical(f) for f in result["facts"])
    assert len(facts) == len(result["facts"]), "two facts share an id"
    return facts


CASES = [(release, fmt) for release in INSTANCES for fmt in FORMATS]


@pytest.mark.parametrize(("release", "fmt"), CASES)
def test_arelle_opens_every_format_with_no_problem(loaded: dict[str, Any], release: str, fmt: str) -> None:
    result = loaded[FORMATS[fmt].format(stem=Path(INSTANCES[release]).stem)]
    assert any(e["text"].startswith("validated in") for e in result["log"]), "Arelle did not validate"
    assert _problems(result) == []


@pytest.mark.parametrize(("release", "fmt"), [c for c in CASES if c[1] != "xml"])
def test_every_format_yields_the_xml_instances_facts(loaded: dict[str, Any], release: str, fmt: str) -> None:
    stem = Path(INSTANCES[release]).stem
    expected = _facts(loaded[f"{stem}.xml"])
    found = _facts(loaded[FORMATS[fmt].format(stem=stem)])
    assert len(expected) > 400
    assert sorted(found) == sorted(expected)
    different = [fact_id for fact_id in expected if found[fact_id] != expected[fact_id]]
    assert different == []


def test_facts_carry_their_footnotes_in_every_format(loaded: dict[str, Any]) -> None:
    # 002:579 prints the restated 3Q FY2001 dedicated access revenue with note (2), 002:610.
    fact_id = "DedicatedAccessServicesRevenue_D2001-10-01_2001-12-31_JPY"
    for fmt in FORMATS.values():
        fact = _facts(loaded[fmt.format(stem="iij-20021231")])[fact_id]
        assert fact["value"] == "3539924000"
        assert any(lang == "en" and "reclassified" in text for lang, text in fact["footnotes"]), fmt


def test_the_taxonomy_package_opens_offline(loaded: dict[str, Any]) -> None:
    for name in (TAXONOMY_PACKAGE, SCHEMA_URL):
        result = loaded[name]
        assert any(e["text"].startswith("validated in") for e in result["log"]), name
        assert _problems(result) == [], name
    assert any("Activation of package" in e["text"] for e in loaded[SCHEMA_URL]["log"])


def test_the_harness_sees_a_changed_value(loaded: dict[str, Any]) -> None:
    mutant = _facts(loaded[MUTANT_JSON])["Revenues_D2001-07-01_2001-09-30_JPY"]
    original = _facts(loaded["iij-20010930.xml"])["Revenues_D2001-07-01_2001-09-30_JPY"]
    assert (original["value"], mutant["value"]) == ("9528307000", "9528308000")


def test_the_harness_sees_a_wrong_inline_format(loaded: dict[str, Any]) -> None:
    problems = _problems(loaded[MUTANT_INLINE])
    assert any("Revenues" in p and "9,528,3O7" in p for p in problems), problems
