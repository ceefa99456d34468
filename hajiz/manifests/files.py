"""Manifest bytes to text (by the UNB syntax identifier), and reading a manifest file."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hajiz.errors import WrongFormat
from hajiz.manifests.model import Manifest
from hajiz.manifests.paxlst import parse_paxlst

# UNB syntax identifiers (0001) of the ISO 8859 character sets, and their codecs.
_CODECS = {
    "UNOC": "iso8859_1",
    "UNOD": "iso8859_2",
    "UNOE": "iso8859_5",
    "UNOF": "iso8859_7",
    "UNOG": "iso8859_3",
    "UNOH": "iso8859_4",
    "UNOI": "iso8859_6",
    "UNOJ": "iso8859_8",
    "UNOK": "iso8859_9",
}
_SYNTAX = re.compile(rb"UNB.(UNO[A-Z])")


def decode_interchange(data: bytes, source: str = "manifest") -> str:
    """The interchange as text: UTF-8 when it is, else the ISO 8859 set its UNB declares."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        found = _SYNTAX.search(data[:512])
        codec = _CODECS.get(found.group(1).decode()) if found else None
        if codec is None:
            declared = found.group(1).decode() if found else "no syntax identifier"
            raise WrongFormat(
                source,
                f"not UTF-8 text ({error.reason} at byte {error.start}) and the UNB declares "
                f"{declared}, not an ISO 8859 set (UNOC to UNOK)",
            ) from None
        return data.decode(codec)


def read_manifest(path: Path, *, today: date | None = None) -> Manifest:
    """Read and parse a PAXLST file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise WrongFormat(str(path), f"cannot be read ({error.strerror})") from None
    return parse_paxlst(decode_interchange(data, str(path)), source=str(path), today=today)
