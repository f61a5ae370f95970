"""XML written as text, byte for byte as libxml2 serializes a tree (lxml's ``tostring``, pretty printed).

An lxml tree costs more to build than its text (an ``ix:nonFraction`` takes
about 8 us), so the instance and inline XBRL writers write text, keeping
libxml2's conventions so that the bytes are those a tree would give:

- character data escapes ``&``, ``<``, ``>`` and carriage returns; attribute
  values also ``"``, tabs and line breaks; everything else, Japanese
  included, is written as UTF-8.  A character XML forbids raises
  ``ValueError``, as lxml does when it is set on an element.
- An element whose content is elements only puts each child on a line of its
  own, indented two spaces a level (at most 60 spaces); an element holding any
  text, even an empty one, is written on one line as it is, descendants too.
- An element with no content at all is ``<name/>``; with an empty text,
  ``<name></name>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"

_INDENTS = tuple("  " * level for level in range(31))  # libxml2 stops indenting deeper at 60 spaces
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not XML 1.0 characters (surrogates fail encoding)
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
)


def text(value: str) -> str:
    """Character data, escaped."""
    if value.isprintable() and "&" not in value and "<" not in value and ">" not in value:
        return value  # most values: nothing to escape, found at C speed
    _check(value)
    return value.translate(_TEXT)


def attribute(value: str) -> str:
    """An attribute value, escaped for double quotes."""
    if value.isprintable() and "&" not in value and "<" not in value and ">" not in value and '"' not in value:
        return value
    _check(value)
    return value.translate(_ATTRIBUTE)


def plain(value: str) -> bool:
    """Whether a value is written as it is, in text and attributes alike (``attribute``'s test).

    Escaping goes character by character: values joined by a space are plain
    if and only if each is, so one test can stand for a document's fact ids.
    """
    return value.isprintable() and "&" not in value and "<" not in value and ">" not in value and '"' not in value


def _check(value: str) -> None:
    forbidden = _FORBIDDEN.search(value)
    if forbidden:
        raise ValueError(f"XML forbids the character {forbidden.group()!r}: {value!r}")


def namespaces(prefixes: Iterable[tuple[str | None, str]]) -> str:
    """Namespace declarations for (prefix, URI) pairs, in order; the prefix ``None`` declares the default namespace."""
    return "".join(
        f' xmlns="{attribute(uri)}"' if prefix is None else f' xmlns:{prefix}="{attribute(uri)}"'
        for prefix, uri in prefixes
    )


def leaf(depth: int, name: str, attributes: str, content: str) -> str:
    """An element on a line of its own holding text, or mixed content, already escaped."""
    pad = _INDENTS[depth] if depth < 31 else _INDENTS[30]  # looked up here, not by a call per element
    return f"{pad}<{name}{attributes}>{content}</{name}>\n"


def element(depth: int, name: str, attributes: str, children: list[str], html: bool = False) -> str:
    """An element of element-only content at ``depth``: its children are lines, indented one level more.

    Without children it is ``<name/>``, or ``<name></name>`` for ``html``: a
    browser reading the file as HTML would take ``<td/>`` for a cell it never closes.
    """
    pad = _INDENTS[depth] if depth < 31 else _INDENTS[30]
    if not children:
        return f"{pad}<{name}{attributes}></{name}>\n" if html else f"{pad}<{name}{attributes}/>\n"
    return "".join((f"{pad}<{name}{attributes}>\n", *children, f"{pad}</{name}>\n"))  # one copy of the children
