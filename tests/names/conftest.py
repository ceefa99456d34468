"""Helpers shared by the name-engine tests."""

from __future__ import annotations

import dataclasses

from hajiz.names.analysis import AnalysedPart, analyse


def word(text: str) -> AnalysedPart:
    """The analysed part of a one-part name."""
    (part,) = analyse(text).parts
    return part


def without_lexicon(part: AnalysedPart) -> AnalysedPart:
    """The part as if the lexicon did not know it, to test the evidence after the lexicon."""
    return dataclasses.replace(part, groups=frozenset())
