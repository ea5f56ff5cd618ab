"""Personio XML feed (PROVIDERS.md section 8).

``GET https://{company}.jobs.personio.de/xml?language=en`` -> ``<workzag-jobs><position>...</position>
...</workzag-jobs>``, the whole board in one ``.xml`` body; ``<workzag-jobs></workzag-jobs>`` is a valid
empty board. Personio reports no total. Native key: ``<id>``.

Each ``<position>`` is converted to JSON faithfully (nothing dropped, standard library only):

- an element without attributes or child elements becomes its text, verbatim (CDATA content and the
  whitespace around it kept; an empty element such as ``<max></max>`` becomes ``""``);
- an element with child elements becomes an object of its children in document order (whitespace
  between child elements is layout and dropped; any other text is kept under ``#text``);
- attributes are kept under ``@attr`` as an object ``{name: value}``, with the text under ``#text``;
- a child element repeated under one parent becomes a list of its values in order; the children
  ``jobDescriptions/jobDescription`` and ``additionalOffices/office`` are always lists (also when
  there is one), so readers see one shape.

Safety: a document with a DOCTYPE is refused before any entity is declared or expanded (Personio
never sends one; it is how entity-expansion attacks start), and expat resolves no external entities.
A body that is not a ``<workzag-jobs>`` document (an HTML error page, a redirect to a marketing page,
another feed) is a parse error naming its root element.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat

from postings.providers.base import (
    Exchange,
    Extraction,
    PayloadError,
    Posting,
    ProviderAdapter,
    decode_utf8,
    markup_reason,
    text_key,
)

NAME = "personio"
ROOT = "workzag-jobs"
POSITION = "position"
ATTRIBUTES_KEY = "@attr"
TEXT_KEY = "#text"
# parent element -> child element that is always a list
ALWAYS_LISTS = {"jobDescriptions": "jobDescription", "additionalOffices": "office"}
_TRUNCATION_ERRORS = {
    expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS],
    expat.errors.codes[expat.errors.XML_ERROR_UNCLOSED_TOKEN],
    expat.errors.codes[expat.errors.XML_ERROR_UNCLOSED_CDATA_SECTION],
}
_MAX_LISTED = 5


class _RefuseDoctype(ET.TreeBuilder):
    """A tree builder that stops at a DOCTYPE: expat reports it before the internal subset (where
    entities are declared) is read, so nothing is ever expanded."""

    def doctype(self, name: str, pubid: str | None, system: str | None) -> None:
        raise PayloadError(f"XML with a DOCTYPE ({name}) is refused: a Personio feed has none")


def parse_xml(text: str) -> ET.Element:
    """XML text -> its root element; DOCTYPEs refused, errors as PayloadError with a reason."""
    parser = ET.XMLParser(target=_RefuseDoctype())
    try:
        parser.feed(text)
        return parser.close()
    except ET.ParseError as exc:
        if exc.code in _TRUNCATION_ERRORS:
            raise PayloadError(f"truncated XML: the document ends early ({exc})") from None
        raise PayloadError(f"invalid XML: {exc}") from None


def element_to_json(element: ET.Element) -> Any:
    """One element as JSON, by the rules of the module docstring."""
    children = list(element)
    always_list = ALWAYS_LISTS.get(element.tag)
    if not children and not element.attrib and always_list is None:
        return element.text or ""
    value: dict[str, Any] = {}
    if element.attrib:
        value[ATTRIBUTES_KEY] = dict(element.attrib)
    text = "".join([element.text or "", *(child.tail or "" for child in children)])
    if (children or always_list is not None) and not text.strip():
        text = ""  # layout between child elements
    if text:
        value[TEXT_KEY] = text
    counts: dict[str, int] = {}
    for child in children:
        counts[child.tag] = counts.get(child.tag, 0) + 1
    for child in children:
        converted = element_to_json(child)
        if counts[child.tag] > 1 or child.tag == always_list:
            value.setdefault(child.tag, []).append(converted)
        else:
            value[child.tag] = converted
    if always_list is not None:
        value.setdefault(always_list, [])
    return value


def extract(body: bytes, ext: str, exchanges: list[Exchange] | None) -> Extraction:
    text = decode_utf8(body)
    stripped = text.lstrip()
    if not stripped:
        raise PayloadError("empty body, not a personio payload")
    if not stripped.startswith("<"):
        raise PayloadError(f"not XML (starts with {stripped[:30]!r}), not a Personio <{ROOT}> feed")
    head = stripped[:4096].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<html" in head and ROOT not in head):
        raise PayloadError(markup_reason(stripped, NAME))
    root = parse_xml(text)
    if root.tag != ROOT:
        if root.tag.lower().rsplit("}", 1)[-1] == "html":
            raise PayloadError(markup_reason(stripped, NAME))
        raise PayloadError(f"unexpected XML root <{root.tag}>, not a Personio <{ROOT}> feed")
    postings: list[Posting] = []
    others: list[str] = []
    for child in root:
        if child.tag == POSITION:
            converted = element_to_json(child)
            postings.append(converted if isinstance(converted, dict) else {TEXT_KEY: converted})
        else:
            others.append(f"<{child.tag}>")
    warnings: tuple[str, ...] = ()
    if others:
        shown = ", ".join(others[:_MAX_LISTED]) + (", ..." if len(others) > _MAX_LISTED else "")
        warnings = (f"ignored {len(others)} element(s) of <{ROOT}> that are not <{POSITION}>: {shown}",)
    return Extraction(postings=postings, reported_total=None, warnings=warnings)


def job_key(posting: Posting) -> str | None:
    return text_key(posting.get("id"))


ADAPTER = ProviderAdapter(name=NAME, extensions=(".xml",), extract=extract, job_key=job_key)
