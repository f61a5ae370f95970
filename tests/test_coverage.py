"""Coverage: every figure the sources print is a fact or a reasoned exclusion."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from generator.build import build
from generator.coverage import COVERAGE_FILE, Reason, Status, account, read_coverage, tally
from generator.instance.model import Instance
from generator.mapping.release import MappedRelease, Release
from generator.source.model import Document
from generator.taxonomy.model import Taxonomy
from tests.conftest import INSTANCES, SOURCES, Built


def _rows(built: Built) -> list[dict[str, str]]:
    with (built.folder / COVERAGE_FILE).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_no_printed_figure_is_unexplained(built: Built) -> None:
    entries = read_coverage(built.folder / COVERAGE_FILE)
    assert {e.file for e in entries} == {path.name for path in SOURCES.values()}
    assert [e for e in entries if e.status is not Status.FACT and e.status is not Status.EXCLUDED] == []
    assert built.findings("coverage.unexplained") == []


def test_cells_are_traced_to_their_facts(built: Built) -> None:
    rows = {(r["file"][:3], r["line"], r["cell"], r["fact"]): r for r in _rows(built)}
    # 001:149 "Total Dial-up Access Services Contracts  180,227 ..." cell 1 is the 2Q01 count.
    assert ("001", "149", "1", "DialUpAccessServicesContracts_I2001-09-30_Contracts") in rows
    # 001:45 "Revenues  10,000 to 10,500": one cell, both ends of the range.
    assert {k[3] for k in rows if k[:3] == ("001", "45", "1")} == {
        "OutlookRevenues_D2001-10-01_2001-12-31_ForecastMember_LowerMember_JPY",
        "OutlookRevenues_D2001-10-01_2001-12-31_ForecastMember_UpperMember_JPY",
    }
    # 001:255 Total revenues: USD, JPY, then "100.0" in the % of total revenues column.
    percent = rows[("001", "255", "3", "")]
    assert (percent["printed"], percent["status"], percent["reason"]) == ("100.0", "excluded", Reason.DERIVED)


def test_every_exclusion_has_a_reason(built: Built) -> None:
    excluded = [r for r in _rows(built) if r["status"] == "excluded"]
    assert excluded and all(r["reason"] in set(Reason) for r in excluded)
    reasons = {r["reason"] for r in excluded}
    # The 6-K's scrambled statements of operations (003:353, 003:365) and the Japanese summaries.
    assert {Reason.SCRAMBLED, Reason.JAPANESE, Reason.COPY, Reason.DECLARED, Reason.PRINTED_TWICE} <= reasons


def test_the_losing_printing_of_a_figure_printed_twice_is_excluded(built: Built) -> None:
    # 002:719 prints the 3Q02 net loss as $(19,083) thousand; 002:602's (19,082) is the fact.
    row = next(r for r in _rows(built) if r["file"].startswith("002") and r["line"] == "719" and r["cell"] == "1")
    assert (row["printed"], row["reason"]) == ("(19,083)", Reason.PRINTED_TWICE)


def test_every_numeric_fact_traces_to_a_printed_figure(built: Built) -> None:
    traced = {r["fact"] for r in _rows(built) if r["fact"]}
    for release, name in INSTANCES.items():
        root = built.tree(release).getroot()
        numeric = {f.get("id") for f in root if f.get("unitRef") and f.get("contextRef")}
        # The rate is read from a note; every other number from a table cell or a curated sentence.
        untraced = {i for i in numeric - traced if not (i or "").startswith("ConvenienceTranslationExchangeRate")}
        assert untraced == set(), name


def test_tally_counts_a_range_once(built: Built) -> None:
    entries = read_coverage(built.folder / COVERAGE_FILE)
    total = tally(entries)
    assert total.unexplained == 0 and total.unbuilt == 0
    assert total.figures == total.facts + sum(total.excluded.values())
    assert total.facts < sum(1 for e in entries if e.status is Status.FACT)
    assert built.result.tally == total  # the build's own count, made where each release was built


def test_a_figure_no_table_claims_is_an_error() -> None:
    # The census reads the printed lines, not the tables: figures the reader never claimed are caught.
    printed = ("Widgets\t12\t-", "Prose with 3 figures, 4 and 5, is no table")
    document = Document(Path("x.txt"), (), (), (), printed=printed)
    mapped = MappedRelease(Release(document), Instance("iij-x.xml", "", ()))
    entries, findings = account([document], {"x.txt": mapped})
    assert [(e.cell, e.printed, e.status) for e in entries] == [
        (1, "12", Status.UNEXPLAINED),
        (2, "-", Status.UNEXPLAINED),
    ]
    assert [(f.code, f.file, f.line) for f in findings] == [("coverage.unexplained", "x.txt", 1)] * 2


def test_an_unknown_table_fails_the_build_naming_its_line(tmp_path: Path, taxonomy: Taxonomy) -> None:
    source = tmp_path / "source" / SOURCES["001"].name
    source.parent.mkdir()
    shutil.copy(SOURCES["001"], source)
    with source.open("a", encoding="utf-8") as handle:
        handle.write("\n\nWidget Statistics\n\n\t2Q01\t1Q01\nWidgets\t12\t34\n")
    result = build([source], tmp_path / "out", taxonomy=taxonomy)
    errors = [(f.code, f.line) for f in result.all_findings() if f.severity.value == "error"]
    assert errors == [("source.unknown-table", 367)]
    assert result.exit_code == 2
    # Its figures, like all of the release's, are accounted as not built, never as facts.
    widgets = [e for e in read_coverage(tmp_path / "out" / COVERAGE_FILE) if e.line == 370]
    assert [e.status for e in widgets] == [Status.UNBUILT, Status.UNBUILT]
