"""Pure scoring: name alignment, secondary-identifier features and algorithms."""

from hajiz.matching.algorithm import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    HajizV1,
    MatchResult,
    get_algorithm,
)

__all__ = ["ALGORITHMS", "DEFAULT_ALGORITHM", "HajizV1", "MatchResult", "get_algorithm"]
