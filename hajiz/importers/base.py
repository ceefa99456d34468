"""The importer registry: one parse function per list format, chosen by slug.

    >>> parsed = parse_list("un-sc", Path("consolidated.xml"))
    >>> parsed.source, len(parsed.entries)

Every parser is pure (a path in, a ParsedList out, no database) and raises ImportFailed or
WrongFormat naming the file, where and why; it never returns a partial list.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from hajiz.errors import ConfigError, ImportFailed
from hajiz.importers.agency_csv import parse_agency_csv
from hajiz.importers.common import DEFAULT_MAX_NAME_LENGTH, ParsedList
from hajiz.importers.ftm import DEFAULT_AGENCY as FTM_DEFAULT_AGENCY
from hajiz.importers.ftm import parse_ftm
from hajiz.importers.ofac_sdn import parse_ofac_sdn
from hajiz.importers.un_sc import parse_un_sc

__all__ = ["IMPORTERS", "ParsedList", "parse_list", "sha256_of"]

IMPORTERS: dict[str, Callable[..., ParsedList]] = {
    "un-sc": parse_un_sc,
    "ofac-sdn": parse_ofac_sdn,
    "ftm": parse_ftm,
    "csv": parse_agency_csv,
}
# Formats whose agency is fixed by the format itself.
_FIXED_AGENCY = {"un-sc": "UN", "ofac-sdn": "OFAC"}


def parse_list(
    fmt: str,
    path: Path,
    *,
    agency: str | None = None,
    max_name_length: int = DEFAULT_MAX_NAME_LENGTH,
) -> ParsedList:
    """Parse a list file of format `fmt` (one of IMPORTERS); `agency` is for ftm and csv."""
    parser = IMPORTERS.get(fmt)
    if parser is None:
        allowed = ", ".join(IMPORTERS)
        raise ConfigError(f"Unknown list format {fmt!r} (choose from: {allowed})")
    if fmt in _FIXED_AGENCY:
        if agency is not None and agency != _FIXED_AGENCY[fmt]:
            fixed = _FIXED_AGENCY[fmt]
            raise ConfigError(f"Format {fmt!r} is always agency {fixed}; got agency {agency!r}")
        return parser(path, max_name_length=max_name_length)
    if fmt == "csv":
        if not agency:
            raise ConfigError("Format 'csv' needs the agency whose records these are")
        return parser(path, agency, max_name_length=max_name_length)
    return parser(path, agency=agency or FTM_DEFAULT_AGENCY, max_name_length=max_name_length)


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file; for a folder (OFAC's CSV triple), of its files' names and bytes."""
    digest = hashlib.sha256()
    try:
        if path.is_dir():
            for child in sorted(p for p in path.iterdir() if p.is_file()):
                digest.update(child.name.encode() + b"\0")
                digest.update(hashlib.sha256(child.read_bytes()).digest())
        else:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    except OSError as exc:
        raise ImportFailed(str(path), f"cannot read the file ({exc.strerror or exc})") from exc
    return digest.hexdigest()
