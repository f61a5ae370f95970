"""Every finding code is registered, documented, and used where it is raised."""

from __future__ import annotations

import re
from pathlib import Path

from generator.findings import CODES

REPO = Path(__file__).resolve().parents[1]


def test_every_registered_code_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in readme]
    assert missing == []


def test_every_code_raised_in_the_package_is_registered() -> None:
    prefixes = "|".join(sorted({code.split(".")[0] for code in CODES}))
    quoted = rf'"((?:{prefixes})\.[a-z-]+)"'
    raised: set[str] = set()
    for path in (REPO / "generator").rglob("*.py"):
        raised |= set(re.findall(quoted, path.read_text(encoding="utf-8")))
    raised -= {"coverage.csv", "timeseries.csv", "timeseries.parquet"}  # file names, not codes
    assert raised - set(CODES) == set()
    assert set(CODES) - raised == set(), "registered but never raised"
