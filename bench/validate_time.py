"""Time `xbrlgen validate` beside Arelle on the same files, in the same run.

    python bench/validate_time.py [N]

Builds the four releases into a temporary folder, writes a synthetic
instance of about 60,000 facts beside them (004's facts repeated 100 times,
each copy five years earlier, ten of its revenue totals broken on purpose), then
times, as whole commands (interpreter start included), the median of N runs:

- ``xbrlgen validate`` on each release and on the synthetic instance;
- Arelle (``--validate --calc c11r``, offline) on the same files;

and compares what both report on the synthetic instance: calculation
inconsistencies and XBRL 2.1 errors.
"""

from __future__ import annotations

import copy
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from lxml import etree

from generator import names
from generator.build import build
from generator.resources import bundled_sources

sys.path.insert(0, str(Path(__file__).parent))
from common import compile_package  # noqa: E402

COPIES = 100
STEP = 5  # years between copies: more than the releases' span, so no copy's period meets another's
BROKEN = 10
_XBRLI = f"{{{names.XBRLI}}}"


def _shift(text: str, years: int) -> str:
    return f"{int(text[:4]) - years:04d}{text[4:]}"


def synthetic(instance: Path, target: Path) -> int:
    """Repeat an instance's facts over shifted years; break some revenue totals. Returns the fact count."""
    tree = etree.parse(str(instance))
    root = tree.getroot()
    contexts = [c for c in root if c.tag == _XBRLI + "context"]
    facts = [f for f in root if isinstance(f.tag, str) and f.get("contextRef")]
    anchor = facts[-1]
    for copy_number in range(1, COPIES):
        years = copy_number * STEP
        for context in contexts:
            twin = copy.deepcopy(context)
            twin.set("id", f"{context.get('id')}_y{years}")
            for date in twin.iter(_XBRLI + "instant", _XBRLI + "startDate", _XBRLI + "endDate"):
                date.text = _shift(date.text or "", years)
            contexts[0].addprevious(twin)
        for fact in facts:
            twin = copy.deepcopy(fact)
            twin.set("contextRef", f"{fact.get('contextRef')}_y{years}")
            twin.set("id", f"{fact.get('id')}_y{years}")
            if copy_number <= BROKEN and twin.get("id", "").startswith("Revenues_D2004-01-01_2004-03-31_JPY"):
                twin.text = str(int(twin.text or "0") + 10_000_000)
            anchor.addnext(twin)
            anchor = twin
    tree.write(str(target), xml_declaration=True, encoding="UTF-8")
    return sum(1 for f in root if isinstance(f.tag, str) and f.get("contextRef"))


def _timed(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _arelle(path: Path, log: Path) -> list[str]:
    return [
        sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(path), "--validate", "--calc", "c11r",
        "--workOffline", "--disablePersistentConfig", "--logFile", str(log), "--logFileMode", "w",
    ]  # fmt: skip


def _ours(path: Path) -> list[str]:
    return [sys.executable, "-m", "generator.cli", "validate", "--format", "json", str(path)]


def _compare(path: Path, folder: Path) -> None:
    ours = json.loads(subprocess.run(_ours(path), capture_output=True, check=False, text=True).stdout)
    our_codes = Counter(f["code"] for f in ours["findings"])
    log = folder / "arelle.json"
    subprocess.run(_arelle(path, log), capture_output=True, check=False, env={**os.environ, "ARELLE_WORK_OFFLINE": "1"})
    entries = json.loads(log.read_text(encoding="utf-8"))["log"]
    theirs = Counter(e["code"] for e in entries if e["level"] in ("error", "inconsistency", "warning"))
    print(f"  findings on the synthetic instance: xbrlgen {dict(our_codes)}; Arelle {dict(theirs)}")


def main() -> None:
    """Time both validators on the same files and print the ratios."""
    compile_package()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = {**os.environ, "ARELLE_WORK_OFFLINE": "1"}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        build(bundled_sources(), folder)
        releases = sorted(p for p in folder.glob("iij-*.xml") if re.fullmatch(r"iij-\d{8}\.xml", p.name))
        big = folder / "synthetic-60k.xml"
        count = synthetic(folder / "iij-20040331.xml", big)
        print(f"validate, median of {runs} whole-command runs (interpreter start included):")
        for path in [*releases, big]:
            n = runs if path != big else max(1, runs // 2)
            ours = _timed(_ours(path), n)
            theirs = _timed(_arelle(path, folder / "log.json"), n, env)
            print(f"  {path.name:22} xbrlgen {ours:6.2f} s   Arelle {theirs:6.2f} s   ratio {ours / theirs:5.2f}")
        print(f"  (the synthetic instance holds {count:,} facts)")
        _compare(big, folder)


if __name__ == "__main__":
    main()
