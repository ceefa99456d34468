"""Country names and codes to ISO 3166 alpha-2, where recognisable."""

from __future__ import annotations

from functools import lru_cache

import countrynames


@lru_cache(maxsize=4096)
def to_country_code(text: str | None) -> str | None:
    """Return the ISO 3166 alpha-2 code for a country name or code, or None."""
    if text is None:
        return None
    text = text.strip()
    if not text:
        return None
    code: str | None = countrynames.to_code(text)
    return code.upper() if code else None
