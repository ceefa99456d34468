"""The in-memory candidate index and its snapshot on disk."""

from hajiz.index.candidates import CandidateIndex

__all__ = ["CandidateIndex"]
