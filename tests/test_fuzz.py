"""Fuzzing: mutated releases and mutated instances never escape as an exception.

Hypothesis damages a release's text (lines cut, duplicated, swapped, cells
and bytes garbled) and an instance's XML; the build and the validator must
turn every case into findings.  CI runs a bounded, derandomized budget
(profile ``ci``); ``HYPOTHESIS_PROFILE=deep`` runs thousands of cases (see
``bench/README.md``).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build
from generator.source.document import read_document, read_summary
from generator.taxonomy.model import Taxonomy
from generator.validation import validate_written
from tests.conftest import SOURCES, Built

settings.register_profile(
    "ci", max_examples=25, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "deep", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

RELEASE = SOURCES["001"].read_text(encoding="utf-8").split("\n")
UNANTICIPATED = "cannot map the release"  # the build's last-resort message for an exception it did not expect

_garble = st.text(alphabet="0123456789,.()-%\t xyzABC日本語", max_size=12)


@st.composite
def damaged_release(draw: st.DrawFn) -> str:
    """The 2Q FY2001 release with a few lines damaged."""
    lines = list(RELEASE)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "garble", "split", "truncate"]))
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif action == "garble":
            cut = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:cut] + draw(_garble) + lines[at][cut + draw(st.integers(0, 6)) :]
        elif action == "split":
            cells = lines[at].split("\t")
            lines[at : at + 1] = ["\t".join(cells[: len(cells) // 2]), "\t".join(cells[len(cells) // 2 :])]
        else:
            lines = lines[: max(at, 1)]
    return "\n".join(lines)


@given(text=damaged_release())
def test_a_damaged_release_never_escapes(text: str, tmp_path: Path, taxonomy: Taxonomy) -> None:
    source = tmp_path / SOURCES["001"].name
    source.write_text(text, encoding="utf-8")
    result = build([source], tmp_path / "out", taxonomy=taxonomy)  # raises if anything escapes
    assert result.exit_code in (0, 1, 2)
    assert not [f for f in result.all_findings() if UNANTICIPATED in f.message]


@given(text=damaged_release())
def test_the_grouping_pass_agrees_with_a_full_read_of_a_damaged_release(text: str, tmp_path: Path) -> None:
    # A pool build groups documents from their statements' headings alone; damage must not make it differ.
    source = tmp_path / SOURCES["001"].name
    source.write_text(text, encoding="utf-8")
    quick, full = read_summary(source), read_document(source).summary()
    assert (quick.current_period_end, quick.unreadable, quick.form_6k) == (
        full.current_period_end,
        full.unreadable,
        full.form_6k,
    )
    if full.current_period_end is None:  # no release: its findings are reported from the summary
        assert quick.findings == full.findings


_EDITS = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.sampled_from(["replace", "delete", "insert", "truncate"]),
        st.sampled_from([b"<", b">", b'"', b"=", b"/", b":", b"-", b"0", b"9", b" ", b"x", b"\x00", b"<x/>",
                         b' decimals="INF"', b"&amp;", b'unitRef="pure" ']),
    ),
    min_size=1,
    max_size=5,
)  # fmt: skip


def damage(original: bytes, edits: list[tuple[float, str, bytes]]) -> bytes:
    """An instance with bytes replaced, deleted or inserted, or cut short (positions as fractions)."""
    data = bytearray(original)
    for where, action, payload in edits:
        at = int(where * (len(data) - 1)) if data else 0
        if action == "replace":
            data[at : at + len(payload)] = payload
        elif action == "delete":
            del data[at : at + 1 + len(payload) * 8]
        elif action == "insert":
            data[at:at] = payload
        else:
            del data[at:]
    return bytes(data)


def test_a_damaged_instance_never_escapes(built: Built) -> None:
    original = built.path("001").read_bytes()

    @given(edits=_EDITS)
    @settings(max_examples=settings().max_examples * 4)
    def check(edits: list[tuple[float, str, bytes]]) -> None:
        data = damage(original, edits)
        report = validate_written(data, built.folder / "fuzzed.xml", "fuzzed.xml")  # raises if anything escapes
        assert all(f.file == "fuzzed.xml" for f in report.findings)

    check()
