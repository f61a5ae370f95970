"""XML as text: what ``generator.markup`` writes is what libxml2 (lxml) writes for the same tree."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from generator import markup

# Labels, footnotes and values as the releases could print them, and worse.
HOSTILE = [
    "",
    "Fish & chips",
    "<b>bold</b>",
    "x > y",
    'the "adjusted" EBITDA',
    "IIJ's",
    "two\nlines",
    "CR\rLF\r\n",
    "tab\there",
    "]]>",
    "&amp; already escaped",
    "&#13;",
    "売上高　(注1)",
    "\U0001f4b4 beyond the BMP",
    "\x85\u2028\xa0\x7f",
]
# Not XML 1.0 characters: lxml refuses them; a lone surrogate cannot be encoded.
FORBIDDEN = ["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff", "\ud800"]


def _pretty(element: etree._Element) -> bytes:
    return etree.tostring(element, encoding="UTF-8", xml_declaration=False, pretty_print=True)


def _by_lxml(value: str) -> bytes | None:
    try:
        element = etree.Element("e", a=value)
        element.text = value
        return _pretty(element)
    except ValueError:  # lxml refuses the character when it is set, or when it is encoded (a surrogate)
        return None


def _by_markup(value: str) -> bytes | None:
    try:
        return markup.leaf(0, "e", f' a="{markup.attribute(value)}"', markup.text(value)).encode()
    except ValueError:
        return None


@pytest.mark.parametrize("value", HOSTILE)
def test_text_and_attribute_values_are_escaped_as_libxml2_escapes_them(value: str) -> None:
    written = _by_markup(value)
    assert written is not None
    assert written == _by_lxml(value)
    parsed = etree.fromstring(written)
    assert (parsed.text or "", parsed.get("a")) == (value, value)


@pytest.mark.parametrize("character", FORBIDDEN)
def test_a_character_xml_forbids_is_refused_in_text_and_attributes(character: str) -> None:
    with pytest.raises(ValueError):
        markup.text(f"page{character}break").encode()
    with pytest.raises(ValueError):
        markup.attribute(f"page{character}break").encode()


_CHARACTERS = st.one_of(st.sampled_from(list("&<>\"'\n\r\t ") + FORBIDDEN), st.characters())


@settings(max_examples=300, derandomize=True, deadline=None)
@given(value=st.text(_CHARACTERS, max_size=20))
def test_any_string_is_written_or_refused_as_lxml_writes_or_refuses_it(value: str) -> None:
    assert _by_markup(value) == _by_lxml(value)


def _h(parent: etree._Element, tag: str, text: str | None = None, tail: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, tag)
    element.text, element.tail = text, tail
    return element


def test_element_only_content_is_indented_and_empty_elements_are_self_closed() -> None:
    root = etree.Element("root")
    holder = _h(root, "holder")
    _h(holder, "leaf", "x")
    _h(holder, "empty")
    _h(root, "emptied", "")
    written = markup.element(
        0,
        "root",
        "",
        [
            markup.element(1, "holder", "", [markup.leaf(2, "leaf", "", "x"), markup.element(2, "empty", "", [])]),
            markup.element(1, "emptied", "", [], html=True),
        ],
    )
    assert written.encode() == _pretty(root)


@pytest.mark.parametrize(("text", "tail"), [("", None), (None, ""), ("(", ")%")])
def test_an_element_holding_any_text_is_written_on_one_line_with_its_descendants(
    text: str | None, tail: str | None
) -> None:
    # Even an empty text node makes libxml2 leave the element's content alone: mixed content keeps its spaces.
    root = etree.Element("root")
    cell = _h(root, "td", text)
    tag = _h(cell, "tag", "1", tail)
    _h(_h(tag, "sup"), "a", "1")
    content = f"{text or ''}<tag>1<sup><a>1</a></sup></tag>{tail or ''}"
    assert markup.element(0, "root", "", [markup.leaf(1, "td", "", content)]).encode() == _pretty(root)


def test_indentation_stops_at_sixty_spaces() -> None:
    root = element = etree.Element("e")
    for _ in range(34):
        element = etree.SubElement(element, "e")
    element.text = "deep"
    written = markup.leaf(34, "e", "", "deep")
    for depth in range(33, -1, -1):
        written = markup.element(depth, "e", "", [written])
    assert written.encode() == _pretty(root)
    assert max(len(line) - len(line.lstrip()) for line in written.splitlines()) == 60


def test_namespace_declarations_keep_their_order_and_the_declaration_its_quotes() -> None:
    nsmap = {None: "urn:h", "ix": "urn:ix&1", "xbrli": "urn:x"}
    root = etree.Element("{urn:h}html", nsmap=nsmap)  # type: ignore[arg-type]
    written = markup.DECLARATION + markup.element(0, "html", markup.namespaces(nsmap.items()), [])
    assert written.encode() == etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
