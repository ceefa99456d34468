"""A CUSRES-style response to a screened manifest: one message per traveller (hajiz profile).

A simplified profile of its own, not the iAPI board/no-board response: its codes are mutually
defined (see docs/paxlst.md) so that no receiver can take them for a boarding decision.

    UNA UNB                                   one interchange answering the PAXLST's
    UNH+<n>+CUSRES:D:05B:UN:HAJIZ1            one message per traveller, in manifest order
    BGM+962                                   a response
    RFF+TN:<PAXLST interchange reference>     what it answers
    TDT+20+<flight>+++<carrier>
    NAD+<party>+++<surname>:<given names>     the traveller, as the manifest names them
    RFF+AVF:<reservation>                     when the manifest gave one
    DOC+<code>+<number>                       the first document, when given
    ERP+2:<traveller number>                  which traveller the status is for
    ERC+<HN | HR | HE>                        no hit | refer to an officer | not screened
    FTX+AAO+++<why>                           hits (entry id and score) or the data error
    UNT
    UNZ
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from hajiz.manifests.edifact import DEFAULT_DELIMITERS, Delimiters, format_segment
from hajiz.manifests.model import Manifest
from hajiz.manifests.report import CLEAR, ERROR, HIT, Outcome

# The hajiz profile's application error codes (ERC 9321, mutually defined).
STATUS_CODES = {CLEAR: "HN", HIT: "HR", ERROR: "HE"}
# FTX text is cut to this many characters per component (an..512), in at most 5 components.
_TEXT_PART = 512
_TEXT_PARTS = 5


def _text_parts(text: str) -> list[str]:
    parts = [text[i : i + _TEXT_PART] for i in range(0, len(text), _TEXT_PART)]
    return parts[:_TEXT_PARTS] or [""]


def status_text(outcome: Outcome) -> str:
    """Why the traveller has its status, in one line."""
    if outcome.status == ERROR:
        return f"not screened: {outcome.planned.error}"
    matched = [h for h in outcome.hits if h.get("match") and not h.get("cleared")]
    if not matched:
        return "no entry at or above the threshold"
    shown = ", ".join(f"{h['entity_id']} {h['score']:.2f}" for h in matched)
    return f"refer: {len(matched)} possible match(es): {shown}"


def _message(
    reference: str, manifest: Manifest, outcome: Outcome, delimiters: Delimiters
) -> list[str]:
    traveller = outcome.traveller
    flight = manifest.flight
    segments: list[tuple[str, list[str | list[str]]]] = [
        ("UNH", [reference, ["CUSRES", "D", "05B", "UN", "HAJIZ1"]]),
        ("BGM", ["962"]),
        ("RFF", [["TN", manifest.reference]]),
        ("TDT", ["20", flight.number or "", "", "", [flight.carrier or ""]]),
        ("NAD", [traveller.party, "", "", [traveller.surname, traveller.given_names]]),
    ]
    if traveller.reservation:
        segments.append(("RFF", [["AVF", traveller.reservation]]))
    if traveller.documents:
        document = traveller.documents[0]
        segments.append(("DOC", [[document.code], [document.number]]))
    segments += [
        ("ERP", [["2", str(traveller.number)]]),
        ("ERC", [[STATUS_CODES[outcome.status]]]),
        ("FTX", ["AAO", "", "", _text_parts(status_text(outcome))]),
    ]
    lines = [format_segment(tag, elements, delimiters) for tag, elements in segments]
    lines.append(format_segment("UNT", [str(len(lines) + 1), reference], delimiters))
    return lines


def write_cusres(
    manifest: Manifest,
    outcomes: Sequence[Outcome],
    *,
    prepared_at: datetime,
    sender: str = "HAJIZ",
    delimiters: Delimiters = DEFAULT_DELIMITERS,
) -> str:
    """The response interchange: one CUSRES message per traveller, one segment per line."""
    reference = f"R{manifest.reference}"[:14]
    stamp = [prepared_at.strftime("%y%m%d"), prepared_at.strftime("%H%M")]
    recipient = manifest.sender or "UNKNOWN"
    lines: list[str] = []
    for number, outcome in enumerate(outcomes, start=1):
        lines += _message(f"{number}", manifest, outcome, delimiters)
    lines.append(format_segment("UNZ", [str(len(outcomes)), reference], delimiters))
    # UNOB (ASCII with lower case) when it fits, else UNOY (UTF-8): names come back as sent.
    syntax = "UNOB" if all(line.isascii() for line in lines) else "UNOY"
    header = [[syntax, "4"], [sender], [recipient], stamp, reference]
    lines[:0] = [delimiters.una, format_segment("UNB", header, delimiters)]
    return "\n".join(lines) + "\n"
