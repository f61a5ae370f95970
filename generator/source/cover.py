"""What a release says about itself: dateline, registrant, ticker, file number.

The dateline ("Tokyo and New York, May 21, 2002 – Internet Initiative Japan
Inc. (Nasdaq: IIJI)") gives the release date (Tokyo's), the registrant's
English name, the exchange and the ticker as printed that day; the Japanese
summary's letterhead gives the Japanese name; a Form 6-K cover gives the
Commission file number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.findings import Finding
from generator.source.model import Document
from generator.source.periods import parse_english_date

_DATELINE = re.compile(r"^[\W]*Tokyo\b[^,]*,\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})", re.IGNORECASE)
_REGISTRANT = re.compile(r"Internet Initiative Japan Inc\.")
# IIJ's own listing: "Internet Initiative Japan Inc. (Nasdaq: IIJI)", "(IIJ, NASDAQ: IJJ)";
# the releases also cite affiliates' ("Crosswave", Nasdaq: CWCI).
_TICKER = re.compile(
    r"(?:Internet Initiative Japan Inc\.\s*\(|\(\W*IIJ\W*,\s*)(?P<exchange>Nasdaq|NASDAQ):\s*(?P<symbol>[A-Z]{2,6})\b"
)
_JAPANESE_NAME = "株式会社インターネットイニシアティブ"
_FILE_NUMBER = re.compile(r"^\s*(\d-\d{5})\s*$")


@dataclass(frozen=True, slots=True)
class Printed:
    """A value as printed, and where."""

    value: str
    file: str
    line: int


@dataclass(frozen=True)
class Cover:
    """The cover values a release prints (``None`` where it prints none)."""

    dateline: Printed | None = None  # the dateline's release date, as printed
    registrant: Printed | None = None
    registrant_ja: Printed | None = None
    exchange: Printed | None = None
    symbol: Printed | None = None
    file_number: Printed | None = None


def _dateline(document: Document) -> tuple[int, str, date] | None:
    for number, line in enumerate(document.lines, start=1):
        match = _DATELINE.match(line)
        if match and _REGISTRANT.search(line):
            day = parse_english_date(match["date"])
            if day is not None:
                return number, line, day
    return None


def _japanese_name(document: Document, text: str) -> Printed | None:
    if _JAPANESE_NAME[0] not in text:
        return None  # most releases: no line to look at
    for number, line in enumerate(document.lines, start=1):
        if _JAPANESE_NAME[0] in line and _JAPANESE_NAME in line.replace(" ", ""):  # the name may be spaced out
            return Printed(_JAPANESE_NAME, document.name, number)
    return None


def _file_number(document: Document, text: str) -> Printed | None:
    if "Commission File Number" not in text:
        return None  # most releases: no line to look at
    lines = document.lines
    for index, line in enumerate(lines):
        if "Commission File Number" in line:
            following = [(i + 1, text) for i, text in enumerate(lines[index + 1 : index + 4], start=index + 1)]
            for number, text in following:
                match = _FILE_NUMBER.match(text)
                if match:
                    return Printed(match[1], document.name, number)
    return None


def read_cover(documents: tuple[Document, ...]) -> tuple[Cover, list[Finding]]:
    """The cover of a release from its primary document (the file number from any of its documents)."""
    primary = documents[0]
    # Each document's text in one string: most searches find nothing, and a string is searched at C speed.
    texts = ["\n".join(d.lines) for d in documents]
    numbers = (_file_number(d, text) for d, text in zip(documents, texts, strict=True))
    file_number = next((found for found in numbers if found), None)
    registrant_ja = _japanese_name(primary, texts[0])
    dateline = _dateline(primary)
    if dateline is None:
        message = "no 'Tokyo ..., <date> - Internet Initiative Japan Inc.' dateline"
        return Cover(registrant_ja=registrant_ja, file_number=file_number), [
            Finding("source.cover-missing", message, primary.name)
        ]
    number, line, day = dateline

    def on_dateline(value: str) -> Printed:
        return Printed(value, primary.name, number)

    ticker = _TICKER.search(line)
    cover = Cover(
        dateline=on_dateline(day.isoformat()),
        registrant=on_dateline("Internet Initiative Japan Inc."),
        registrant_ja=registrant_ja,
        exchange=on_dateline(ticker["exchange"].upper()) if ticker else None,
        symbol=on_dateline(ticker["symbol"]) if ticker else None,
        file_number=file_number,
    )
    if ticker is None:
        return cover, [
            Finding("source.cover-missing", "the dateline names no exchange and ticker", primary.name, number)
        ]
    return cover, _other_tickers(primary, texts[0], cover)


def _other_tickers(document: Document, text: str, cover: Cover) -> list[Finding]:
    """A ticker printed elsewhere in the release that is not the dateline's."""
    if cover.symbol is None or ("Nasdaq:" not in text and "NASDAQ:" not in text):
        return []
    findings = []
    for number, line in enumerate(document.lines, start=1):
        if "Nasdaq:" not in line and "NASDAQ:" not in line:
            continue  # what every ticker pattern needs: most lines are skipped at C speed
        for match in _TICKER.finditer(line):
            if match["symbol"] != cover.symbol.value:
                printed = cover.symbol
                message = (
                    f"ticker {match['symbol']!r} here; the dateline (line {printed.line}) prints {printed.value!r}"
                )
                findings.append(Finding("source.cover-disagrees", message, document.name, number))
    return findings
