"""Turning a source file into clean lines: decoding, markup, footnote markers."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_SOURCE_BYTES = 20 * 1024 * 1024


class SourceReadError(ValueError):
    """The file cannot be read as release text; carries the line when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def read_lines(path: Path) -> list[str]:
    """Decode a release as UTF-8 (BOM and CRLF tolerated) into lines, 1-based by index+1."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceReadError(f"file is {size} bytes; releases are under {MAX_SOURCE_BYTES}")
        data = path.read_bytes()
    except OSError as error:
        raise SourceReadError(f"cannot read file: {error.strerror or error}") from error
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise SourceReadError("binary data (NUL bytes): not a text release", _line_of(data, data.index(b"\x00")))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceReadError(f"not UTF-8 text ({error.reason})", _line_of(data, error.start)) from error
    if "\r" in text:  # rare; str.replace and str.split are many times faster than re.split
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


_TAGS = re.compile(r"</?(?:b|i|u|em|strong|span)\b[^>]*>", re.IGNORECASE)
_SUP = re.compile(r"<sup>\s*(.*?)\s*</sup>", re.IGNORECASE)
_BOLD = re.compile(r"(?<!\()\*\*(?!\))")  # markdown bold, not a "(**)" marker


def strip_markup(text: str) -> str:
    """Drop HTML-ish emphasis tags and markdown emphasis; keep superscripts as ``^(...)``."""
    if "<" not in text and "*" not in text and "\\" not in text:
        return text  # most cells: nothing to strip, and this runs for every cell
    if "<" in text:  # the tag patterns scan the whole line: only where a tag may be
        text = _SUP.sub(lambda m: f"^({m.group(1).strip('()')})", text)
        text = _TAGS.sub("", text)
    if "**" in text:
        text = _BOLD.sub("", text)
    return text.replace("\\$", "$").replace("\\*", "*")


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARKERS = re.compile(
    r"""\^\(\s*\*?\)?\s*(\d+|\*+)\s*\)?      # ^(*1)  ^(2)  ^(*)3  (from <sup>)
      | \^\{\s*\*?(\d+)\)?\}                # ^{*2)}
      | ⁽\s*([⁰¹²³⁴⁵⁶⁷⁸⁹\d]+)\s*⁾           # ⁽¹⁾
      | (?<=\S)\s*([¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?=\s|$)    # ² after a word
      | \(\*(\d+)\)                         # (*4)
      | \(\*\)\s*(\d+)                      # (*)3
      | \s*\((\d{1,2})\)\s*$                # trailing (2)
    """,
    re.VERBOSE,
)
# A character every marker form starts with or holds: without one, a label has no marker.
_MARKER_CHARS = re.compile(r"[\^⁽(¹²³⁴⁵⁶⁷⁸⁹⁰]")
_LEADING_JUNK = re.compile(r"^[\-_\]\[·•|]+(?:\s+|$)")
_JUNK_STARTS = frozenset("-_][·•|")
_CONFUSABLES = str.maketrans({"Р": "P", "Ү": "Y", "О": "O", "С": "C", "А": "A", "Е": "E", "Т": "T", "Х": "X"})


def split_markers(text: str) -> tuple[str, tuple[str, ...]]:
    """Remove footnote markers from a label; return the label and the marker numbers."""
    if not _MARKER_CHARS.search(text):
        return " ".join(text.split()), ()  # most labels; the marker pattern is costly to run
    found: list[str] = []

    def keep(match: re.Match[str]) -> str:
        number = next(g for g in match.groups() if g is not None)
        found.append(number.translate(_SUPERSCRIPT_DIGITS))
        return " "

    cleaned = _MARKERS.sub(keep, text)
    return " ".join(cleaned.split()), tuple(found)


_LEADING_MARKER = re.compile(
    r"""^(?:\^\(\s*(?:\*\)\s*)?(\*?\d+|\*+)\s*\)?  # ^(*1) ^(2) ^(*)3) ^(**)
         | \^\{\s*\*?(\d+)\)?\}              # ^{*2)}
         | ⁽\s*([⁰¹²³⁴⁵⁶⁷⁸⁹\d]+)\s*⁾          # ⁽¹⁾
         | ([¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?=\s)              # ¹ then text
         | \((\*+|\*\d+)\)                   # (*) (**) (*4)
        )""",
    re.VERBOSE,
)
_MARKER_STARTS = frozenset("^⁽(¹²³⁴⁵⁶⁷⁸⁹⁰")  # what each form of a leading marker starts with


def leading_marker(raw: str) -> tuple[str, str] | None:
    """A footnote line's marker and text: ``^(*1) IIJ FiberAccess/F is ...``."""
    text = strip_markup(raw).strip()
    if text[:1] not in _MARKER_STARTS:
        return None  # most lines: the pattern is run on every line outside the tables
    match = _LEADING_MARKER.match(text)
    if not match:
        return None
    found = next(g for g in match.groups() if g is not None).translate(_SUPERSCRIPT_DIGITS)
    number = found if set(found) == {"*"} else found.lstrip("*")
    rest = text[match.end() :].strip()
    return (number, rest) if rest else None


def clean_label(raw: str) -> tuple[str, tuple[str, ...]]:
    """A row label without markup, leading OCR specks or markers."""
    text = strip_markup(raw).strip()
    if text[:1] in _JUNK_STARTS:  # most labels start with a letter: no need to run the pattern
        text = _LEADING_JUNK.sub("", text).strip()
    return split_markers(text)


def fold(text: str) -> str:
    """NFKC with look-alike Cyrillic letters mapped to Latin (OCR reads ``JРY``)."""
    if text.isascii():
        return text  # ASCII is NFKC-stable and holds no Cyrillic
    return unicodedata.normalize("NFKC", text).translate(_CONFUSABLES)


def normalize_label(text: str) -> str:
    """The key labels are matched on: folded, lower case, no spaces or trailing colon."""
    text = fold(text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", "", text)
    return text.rstrip(":：.・")
