"""UN/EDIFACT PAXLST passenger manifests: parse, screen every traveller, answer in JSON or CUSRES.

    manifest = parse_paxlst(text)                        # pure; WrongFormat: broken envelope
    planned = plan_manifest(manifest)                    # a Query per readable traveller
    outcomes = screen_planned(screener, planned)         # hit / clear / error per traveller
    manifest_document(manifest, outcomes, ...)           # JSON
    write_cusres(manifest, outcomes, prepared_at=now)    # CUSRES-style EDIFACT response

See docs/paxlst.md for what is read and the response profile.
"""

from hajiz.manifests.cusres import STATUS_CODES, write_cusres
from hajiz.manifests.files import decode_interchange, read_manifest
from hajiz.manifests.model import Flight, Manifest, Stop, TravelDocument, Traveller
from hajiz.manifests.paxlst import parse_paxlst
from hajiz.manifests.queries import Planned, plan_manifest, traveller_query
from hajiz.manifests.report import (
    CLEAR,
    ERROR,
    HIT,
    Outcome,
    manifest_document,
    screen_planned,
    traveller_record,
)

__all__ = [
    "CLEAR",
    "ERROR",
    "HIT",
    "STATUS_CODES",
    "Flight",
    "Manifest",
    "Outcome",
    "Planned",
    "Stop",
    "TravelDocument",
    "Traveller",
    "decode_interchange",
    "manifest_document",
    "parse_paxlst",
    "plan_manifest",
    "read_manifest",
    "screen_planned",
    "traveller_query",
    "traveller_record",
    "write_cusres",
]
