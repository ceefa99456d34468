"""UN/EDIFACT syntax: service string advice (UNA), segments, escaping (ISO 9735).

Splitting text into segments, elements and components, with the release character, is left to
pydifact's tokenizer; this module reads the UNA, numbers the segments, and turns pydifact's
loosely typed output into plain tuples. No I/O: text in, segments out.

    UNA:+.? '                       component, element, decimal mark, release, reserved, terminator
    NAD+FL+++AL?+SAYED:OMAR'        NAD, elements ("FL", "", "", ("AL+SAYED", "OMAR"))
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from hajiz.errors import ConfigError, WrongFormat

INSTALL_HINT = "Reading EDIFACT needs pydifact: pip install 'hajiz[paxlst]'"
_TAG = re.compile(r"^[A-Z][A-Z0-9]{2}$")
# A release character of "none" for the tokenizer: NUL never survives our checks on names.
_NO_RELEASE = "\x00"


@dataclass(frozen=True, slots=True)
class Delimiters:
    """The service characters of an interchange (ISO 9735 defaults, as `UNA:+.? '` states)."""

    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str | None = "?"
    reserved: str = " "
    terminator: str = "'"

    @property
    def una(self) -> str:
        """The UNA segment that announces these characters."""
        release = self.release or " "
        chars = (self.component, self.element, self.decimal, release, self.reserved)
        return "UNA" + "".join(chars) + self.terminator

    def escape(self, value: str) -> str:
        """The value with every service character preceded by the release character."""
        specials = {self.component, self.element, self.terminator}
        if self.release is None:
            if any(ch in specials for ch in value):
                raise ValueError(f"{value!r} holds a separator and there is no release character")
            return value
        specials.add(self.release)
        return "".join(self.release + ch if ch in specials else ch for ch in value)


DEFAULT_DELIMITERS = Delimiters()


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment: its tag, its elements (each a tuple of components) and where it is."""

    tag: str
    elements: tuple[tuple[str, ...], ...]
    position: int  # 1-based within the interchange; the UNA, when present, is segment 1

    def value(self, element: int, component: int = 0) -> str:
        """One component's text, or "" when the segment does not have it."""
        if element >= len(self.elements):
            return ""
        parts = self.elements[element]
        return parts[component].strip() if component < len(parts) else ""

    def components(self, element: int) -> tuple[str, ...]:
        """Every component of one element (empty when absent)."""
        return self.elements[element] if element < len(self.elements) else ()

    @property
    def where(self) -> str:
        """How messages name the segment: `DTM at segment 57`."""
        return f"{self.tag or '(no tag)'} at segment {self.position}"

    @property
    def has_valid_tag(self) -> bool:
        """Whether the tag is three capitals or digits, starting with a letter."""
        return bool(_TAG.match(self.tag))


def read_una(text: str, source: str) -> tuple[Delimiters, str]:
    """The delimiters a UNA announces (defaults without one) and the text after it."""
    if not text.startswith("UNA"):
        return DEFAULT_DELIMITERS, text
    advice = text[3:9]
    if len(advice) < 6:
        raise WrongFormat(source, f"the UNA segment is cut short ({text[:9]!r})", "segment 1")
    component, element, decimal, release, reserved, terminator = list(advice)
    significant = [component, element, terminator] + ([release] if release != " " else [])
    for ch in significant:
        if ch.isalnum() or ch in "\r\n":
            raise WrongFormat(
                source,
                f"{'UNA' + advice!r} declares {ch!r} as a service character; letters, digits and "
                "line breaks cannot be",
                "segment 1",
            )
    if len(set(significant)) != len(significant):
        raise WrongFormat(
            source,
            f"{'UNA' + advice!r} uses one character for two roles (component, element, release and "
            "terminator must differ)",
            "segment 1",
        )
    delimiters = Delimiters(
        component, element, decimal, None if release == " " else release, reserved, terminator
    )
    return delimiters, text[9:].lstrip("\r\n")


def _element(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ("",)
    if isinstance(value, str):
        return (value,)
    return tuple(part or "" for part in value)


def _raw_segments(text: str, delimiters: Delimiters) -> Iterator[list[str | list[str]]]:
    try:
        from pydifact.control.characters import Characters
        from pydifact.parser import Parser
        from pydifact.tokenizer import Tokenizer
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    d = delimiters
    service = d.component + d.element + d.decimal + (d.release or _NO_RELEASE)
    characters = Characters.from_str(service + d.reserved + d.terminator)
    tokens = Tokenizer().get_tokens(text, characters)
    yield from Parser(characters=characters).convert_tokens_to_raw_segments(tokens)


def read_segments(text: str, source: str = "interchange") -> tuple[Delimiters, list[Segment]]:
    """Split an interchange into numbered segments; raise WrongFormat if it cannot be split."""
    text = text.lstrip("\ufeff \t\r\n")
    if not text:
        raise WrongFormat(source, "the interchange is empty")
    delimiters, body = read_una(text, source)
    first = 2 if text.startswith("UNA") else 1
    try:
        from pydifact.exceptions import EDISyntaxError
    except ImportError:
        raise ConfigError(INSTALL_HINT) from None
    segments: list[Segment] = []
    try:
        for number, raw in enumerate(_raw_segments(body, delimiters), start=first):
            head = raw[0] if raw else ""
            tag = head if isinstance(head, str) else delimiters.component.join(head)
            segments.append(Segment(tag.strip(), tuple(_element(v) for v in raw[1:]), number))
    except EDISyntaxError as error:
        after = f" after {segments[-1].where}" if segments else " in the first segment"
        problem = str(error).removeprefix("EDIFACT Syntax Error: ").rstrip(".")
        if problem.startswith("Unexpected end"):
            problem = f"the text ends inside a segment (no terminator {delimiters.terminator!r})"
        raise WrongFormat(source, f"{problem}{after}", "syntax") from None
    if body.strip() and not body.rstrip(" \t\r\n").endswith(delimiters.terminator):
        last = segments[-1].where if segments else "the start"
        raise WrongFormat(
            source, f"the text after {last} has no segment terminator {delimiters.terminator!r}"
        )
    return delimiters, segments


def format_segment(
    tag: str, elements: Sequence[str | Iterable[str]], delimiters: Delimiters = DEFAULT_DELIMITERS
) -> str:
    """One segment as text, escaped, with trailing empty elements and components dropped."""
    texts = []
    for element in elements:
        parts = [element] if isinstance(element, str) else list(element)
        while parts and not parts[-1]:
            parts.pop()
        texts.append(delimiters.component.join(delimiters.escape(p) for p in parts))
    while texts and not texts[-1]:
        texts.pop()
    return delimiters.element.join([tag, *texts]) + delimiters.terminator
