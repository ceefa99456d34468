"""The envelopes of an interchange: UNB/UNZ around optional UNG/UNE groups of UNH/UNT messages.

Every count and reference the envelopes carry is checked; a broken envelope means the
interchange cannot be trusted to be whole, so it is refused with WrongFormat naming the problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hajiz.errors import WrongFormat
from hajiz.manifests.edifact import Segment

_ENVELOPE = {"UNB", "UNZ", "UNG", "UNE", "UNH", "UNT"}


@dataclass(frozen=True, slots=True)
class Message:
    """One message: its UNH, the segments between UNH and UNT, and its UNT."""

    header: Segment
    body: tuple[Segment, ...]
    trailer: Segment

    @property
    def reference(self) -> str:
        """The message reference number (UNH 0062)."""
        return self.header.value(0)

    @property
    def type(self) -> str:
        """The message type (UNH S009 0065), e.g. PAXLST."""
        return self.header.value(1, 0)


@dataclass(frozen=True, slots=True)
class Interchange:
    """An interchange: its UNB header and its messages, every envelope checked."""

    header: Segment
    messages: tuple[Message, ...]

    @property
    def reference(self) -> str:
        """The interchange control reference (UNB 0020)."""
        return self.header.value(4)


class _Reader:
    def __init__(self, segments: Sequence[Segment], source: str) -> None:
        self.segments = segments
        self.source = source
        self.index = 0

    def fail(self, problem: str, segment: Segment | None = None) -> WrongFormat:
        return WrongFormat(self.source, problem, segment.where if segment else None)

    def peek(self) -> Segment | None:
        return self.segments[self.index] if self.index < len(self.segments) else None

    def take(self) -> Segment:
        segment = self.segments[self.index]
        self.index += 1
        return segment

    def count(self, trailer: Segment, what: str, expected: int, reference: str) -> None:
        stated = trailer.value(0)
        if not stated.isdigit():
            raise self.fail(f"{trailer.tag} states no count of {what} ({stated!r})", trailer)
        if int(stated) != expected:
            raise self.fail(
                f"{trailer.tag} says {int(stated)} {what}, but there are {expected}: "
                "the interchange is incomplete or altered",
                trailer,
            )
        if trailer.value(1) != reference:
            raise self.fail(
                f"{trailer.tag} closes reference {trailer.value(1)!r}, "
                f"but {reference!r} was opened",
                trailer,
            )

    def message(self) -> Message:
        header = self.take()
        body: list[Segment] = []
        while True:
            segment = self.peek()
            if segment is None or segment.tag in ("UNZ", "UNE", "UNB", "UNG"):
                raise self.fail(
                    f"message {header.value(0)!r} is not closed by UNT before "
                    f"{segment.where if segment else 'the end'}",
                    header,
                )
            if segment.tag == "UNH":
                raise self.fail(
                    f"UNH opens a message before message {header.value(0)!r} "
                    f"({header.where}) is closed by UNT",
                    segment,
                )
            self.take()
            if segment.tag == "UNT":
                self.count(segment, "segments", len(body) + 2, header.value(0))
                return Message(header, tuple(body), segment)
            body.append(segment)

    def messages_until(self, closing: str) -> list[Message]:
        messages: list[Message] = []
        while True:
            segment = self.peek()
            if segment is None:
                raise self.fail(f"no {closing} at the end: the interchange is cut short")
            if segment.tag == closing:
                return messages
            if segment.tag == "UNH":
                messages.append(self.message())
            elif segment.tag == "UNT":
                raise self.fail("UNT without a UNH before it", segment)
            elif segment.tag in _ENVELOPE:
                raise self.fail(f"{segment.tag} is out of place before {closing}", segment)
            else:
                raise self.fail(f"{segment.tag} is outside any message (no UNH before it)", segment)


def read_interchange(segments: Sequence[Segment], source: str = "interchange") -> Interchange:
    """Check every envelope and split the interchange into messages; raise WrongFormat if broken."""
    reader = _Reader(segments, source)
    first = reader.peek()
    if first is None or first.tag != "UNB":
        what = f"{first.tag!r}" if first else "nothing"
        raise reader.fail(f"an interchange starts with UNB (after an optional UNA), not {what}")
    header = reader.take()
    if not header.value(4):
        raise reader.fail("UNB has no interchange control reference (element 5)", header)
    messages: list[Message] = []
    units = 0
    while True:
        segment = reader.peek()
        if segment is not None and segment.tag == "UNG":
            group = reader.take()
            group_messages = reader.messages_until("UNE")
            reader.count(reader.take(), "messages", len(group_messages), group.value(4))
            messages += group_messages
            units += 1
            continue
        found = reader.messages_until("UNZ")
        messages += found
        units += len(found)
        trailer = reader.take()
        reader.count(trailer, "messages or groups", units, header.value(4))
        break
    if reader.peek() is not None:
        raise reader.fail("segments after UNZ, the end of the interchange", reader.peek())
    if not messages:
        raise reader.fail("no UNH: the interchange holds no message", header)
    return Interchange(header, tuple(messages))
