"""Decoding, labels and footnote markers as the releases print them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.source.operating import is_table_title
from generator.source.text import SourceReadError, clean_label, leading_marker, normalize_label, read_lines


@pytest.mark.parametrize(
    ("raw", "label", "markers"),
    [
        ("IIJ FiberAccess/F ^(*1)", "IIJ FiberAccess/F", ("1",)),  # 001:136
        ("IIJ DSL/F ^(*2) Maximum 1.5Mbps", "IIJ DSL/F Maximum 1.5Mbps", ("2",)),  # 001:140
        ("IIJ FiberAcess/F ⁽¹⁾", "IIJ FiberAcess/F", ("1",)),  # 000:420
        ("Dedicated access services(2)", "Dedicated access services", ("2",)),  # 002:579
        ("Restricted Cash<sup>(2)</sup>", "Restricted Cash", ("2",)),  # 002:676
        ("その他<sup>(*)4</sup>", "その他", ("4",)),  # 002:56
        ("IIJ Ethernet Standard ^{*2)}", "IIJ Ethernet Standard", ("2",)),  # 000:47
        ("Others⁴", "Others", ("4",)),  # 004:429
        ("Depreciation and amortization ^(*4)", "Depreciation and amortization", ("4",)),  # 001:220
        ("- Total liabilities and shareholders' equity", "Total liabilities and shareholders' equity", ()),  # 000:652
        ("<b>Net loss</b>", "Net loss", ()),
        ("Income (Loss) before income tax benefit", "Income (Loss) before income tax benefit", ()),
    ],
)
def test_clean_label(raw: str, label: str, markers: tuple[str, ...]) -> None:
    assert clean_label(raw) == (label, markers)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Operating income(loss)", "Operating income (loss)"),  # 004:632 vs 001:265
        ("Income(Loss) before income tax expense(benefit)", "Income (loss) before income tax expense (benefit)"),
        ("インターネット接続及び 付加価値サービス収入合計", "インターネット接続及び付加価値サービス収入合計"),  # 004:49
        (
            "インターネット接続及び付加価値サービス収入合計・",
            "インターネット接続及び付加価値サービス収入合計",
        ),  # 000:121
        ("Revenues:", "Revenues"),
        ("Shareholders’ Equity:", "Shareholders' Equity"),
    ],
)
def test_normalize_label_equates_printed_variants(a: str, b: str) -> None:
    assert normalize_label(a) == normalize_label(b)


def test_read_lines_tolerates_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"\xef\xbb\xbfone\r\ntwo\rthree\n")
    assert read_lines(path) == ["one", "two", "three", ""]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"ok\nalso ok\n\xff\xfe bad\n", 3),
        (b"ok\n\x00\x01\x02", 2),
    ],
)
def test_read_lines_rejects_binary_and_bad_encoding(tmp_path: Path, data: bytes, line: int) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(data)
    with pytest.raises(SourceReadError) as error:
        read_lines(path)
    assert error.value.line == line


@pytest.mark.parametrize(
    ("raw", "marker"),
    [
        (
            "^(*1) IIJ FiberAccess/F is a new service launched in August 2001.",
            ("1", "IIJ FiberAccess/F is a new service launched in August 2001."),
        ),  # 001:143
        (
            "(*) EBITDA represents operating income (loss) plus depreciation and amortization.",
            ("*", "EBITDA represents operating income (loss) plus depreciation and amortization."),
        ),  # 001:30
        (
            "^(**) The SI business is seasonally stronger in 2Q and 4Q",
            ("**", "The SI business is seasonally stronger in 2Q and 4Q"),
        ),  # 003:173
        (
            "³ 減価償却費は転換社債発行費用の償却額を含む。",
            ("3", "減価償却費は転換社債発行費用の償却額を含む。"),
        ),  # 004:133
        ("  <sup>(2)</sup> Restated", ("2", "Restated")),
        ("Total revenues (1)", None),
        ("", None),
    ],
)
def test_leading_marker(raw: str, marker: tuple[str, str] | None) -> None:
    assert leading_marker(raw) == marker


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("Table 1. Number of Contracts", True),  # 001:129
        ("**Table 2. Revenue Breakdown in Dedicated Access Services** (JPY in millions)", True),  # 002:475
        ("表 3. 契約帯域数の総和", True),  # 000:72
        ("## TABLE 4. Number of Employees", True),
        ("\tTable 5.\tCross-selling", True),  # a title OCR spread over tabs
        ("Total revenues\t28,778\t3,431,156", False),
        ("See Table 1. for the contracts", False),
    ],
)
def test_is_table_title(raw: str, title: bool) -> None:
    assert is_table_title(raw) is title
