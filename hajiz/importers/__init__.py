"""List importers: pure parsers from an official list file (or folder) to watchlist entries."""

from hajiz.importers.agency_csv import parse_agency_csv
from hajiz.importers.base import IMPORTERS, parse_list, sha256_of
from hajiz.importers.common import ParsedList
from hajiz.importers.ftm import parse_ftm
from hajiz.importers.ofac_sdn import parse_ofac_sdn
from hajiz.importers.un_sc import parse_un_sc

__all__ = [
    "IMPORTERS",
    "ParsedList",
    "parse_agency_csv",
    "parse_ftm",
    "parse_list",
    "parse_ofac_sdn",
    "parse_un_sc",
    "sha256_of",
]
