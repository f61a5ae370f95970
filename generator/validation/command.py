"""``xbrlgen validate``: findings as lines or JSON, and an exit code that means one thing.

0: no errors; 1: errors; 2: an input that could not be validated (not XML,
not XBRL, a DTS not at hand offline, a missing file).  Several instances
are also compared with each other for restatements.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator.findings import EXIT_INPUT, EXIT_INVALID, EXIT_OK, Finding, Severity
from generator.validation import Report, validate_path
from generator.validation.restatements import compare_releases
from generator.validation.schema import Engine


def _reports(paths: list[Path], engine: Engine) -> list[Report]:
    reports = []
    for path in paths:
        if not path.is_file():
            reports.append(Report(path.name, [Finding("xml.malformed", f"no such file: {path}", path.name)]))
        else:
            reports.append(validate_path(path, engine))
    return reports


def exit_code(reports: list[Report], extra: list[Finding]) -> int:
    """2 if any input could not be validated, else 1 on any error, else 0."""
    if any(r.unreadable for r in reports):
        return EXIT_INPUT
    errors = sum(r.errors for r in reports) + sum(1 for f in extra if f.severity is Severity.ERROR)
    return EXIT_INVALID if errors else EXIT_OK


def _json(reports: list[Report], extra: list[Finding], code: int) -> str:
    payload = {
        "exit_code": code,
        "instances": [
            {
                "file": r.file,
                "facts": len(r.subject.instance.facts) if r.subject else None,
                "errors": r.errors,
                "warnings": sum(1 for f in r.findings if f.severity is Severity.WARNING),
            }
            for r in reports
        ],
        "findings": [f.as_json() for r in reports for f in r.findings] + [f.as_json() for f in extra],
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def run_validate(paths: list[Path], output: str, engine: Engine, quiet: bool) -> int:
    """Validate each path; print findings; return the exit code."""
    reports = _reports(paths, engine)
    subjects = [r.subject for r in reports if r.subject is not None]
    extra = compare_releases(subjects) if len(subjects) > 1 else []
    code = exit_code(reports, extra)
    if output == "json":
        print(_json(reports, extra, code))
        return code
    for finding in [f for r in reports for f in r.findings] + extra:
        if not quiet or finding.severity is Severity.ERROR:
            print(finding.render())
    for report in reports:
        facts = f"{len(report.subject.instance.facts)} facts" if report.subject else "not validated"
        counts = " / ".join(f"{sum(1 for f in report.findings if f.severity is s)} {s.value}s" for s in Severity)
        print(f"{report.file}: {facts}, {counts}", file=sys.stderr)
    return code
