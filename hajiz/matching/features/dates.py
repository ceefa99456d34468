"""Birth date agreement between a traveller and a list entry.

Every traveller date is compared with every listed date and the best pair counts. Dates are
taken as stated; the only tolerances are the ones below, never a wider window.

- Same full date: MATCH, `EXACT_MATCH`.
- Day and month swapped (1971-03-05 against 1971-05-03): MATCH, `DAY_MONTH_SWAPPED`.
- Same year and month, the day missing on one side: MATCH, `SAME_MONTH`.
- Same year, either side known only to the year: MATCH, `YEAR_ONLY_MATCH`. 1 January
  (YYYY-01-01) counts as year only: lists and passports write an unknown date that way.
- Same year and month with another day, or full dates at most `NEAR_DAYS` apart (a slip
  converting from the Hijri or Persian calendar): MATCH, `SAME_MONTH_OTHER_DAY`.
- Same year, another month: MISMATCH, `SAME_YEAR_OTHER_MONTH`. Weak on purpose: lists often
  get the day and month wrong while the year is right.
- One year apart (`EXACT_TOLERANCE_YEARS`), nothing else contradicting: MATCH,
  `ONE_YEAR_APART`. One year apart and another day and month as well: MISMATCH,
  `ONE_YEAR_APART_OTHER_DAY`.
- A range (BETWEEN) holding the other year: MATCH, `RANGE_MATCH`, weaker by
  `RANGE_WIDTH_PENALTY` per year of width beyond the first, never below `RANGE_MIN`. When
  both sides state months and share none (November against "August to September" of the same
  year): MISMATCH, `SAME_YEAR_OTHER_MONTH`, as for two dates in another month.
  One year outside the range: as one year apart, but never above the range's own strength.
- An APPROXIMATE date on either side is compared by year with a tolerance of
  `APPROXIMATE_TOLERANCE_YEARS`: `APPROXIMATE_SAME_YEAR` for the same year, falling to
  `APPROXIMATE_EDGE` at the edge of the tolerance.
- Further apart: MISMATCH, `MISMATCH_NEAR` one year beyond the tolerance (two years apart for
  exact dates), growing to `MISMATCH_FAR` at `MISMATCH_FAR_BEYOND` years beyond (five years
  apart for exact dates).
- No date on either side: UNKNOWN, 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from hajiz.matching.features.types import Agreement, FeatureResult, unknown
from hajiz.model import BirthDate, DateKind, PartialDate

FEATURE = "birth_date_agreement"

EXACT_MATCH = 1.0
DAY_MONTH_SWAPPED = 0.7
SAME_MONTH = 0.7
YEAR_ONLY_MATCH = 0.6
SAME_MONTH_OTHER_DAY = 0.3
NEAR_DAYS = 3
SAME_YEAR_OTHER_MONTH = -0.1
ONE_YEAR_APART = 0.2
ONE_YEAR_APART_OTHER_DAY = -0.2
EXACT_TOLERANCE_YEARS = 1

RANGE_MATCH = 0.5
RANGE_WIDTH_PENALTY = 0.05
RANGE_MIN = 0.1

APPROXIMATE_TOLERANCE_YEARS = 2
APPROXIMATE_SAME_YEAR = 0.4
APPROXIMATE_EDGE = 0.1

MISMATCH_NEAR = -0.5
MISMATCH_FAR = -1.0
MISMATCH_FAR_BEYOND = 4


@dataclass(frozen=True, slots=True)
class _Span:
    """A stated birth date as the years it covers, plus the single date when there is one."""

    text: str
    low: int
    high: int
    point: PartialDate | None
    is_new_year: bool
    is_approximate: bool
    # The first and last (year, month) covered, when both ends state the month.
    months: tuple[tuple[int, int], tuple[int, int]] | None = None

    @property
    def is_range(self) -> bool:
        return self.point is None


@dataclass(frozen=True, slots=True)
class _Verdict:
    agreement: Agreement
    strength: float
    reason: str


def _span(value: BirthDate) -> _Span | None:
    """The years a stated date covers, or None when it states nothing usable."""
    approximate = value.kind is DateKind.APPROXIMATE
    prefix = "~" if approximate else ""
    ends = [d.year for d in (value.start, value.end) if d is not None]
    if ends and (value.kind is DateKind.BETWEEN or value.date is None):
        text = f"{prefix}{value.start or '?'}..{value.end or '?'}"
        months = None
        start, end = value.start, value.end
        if start is not None and end is not None and start.month and end.month:
            months = ((start.year, start.month), (end.year, end.month))
        return _Span(text, min(ends), max(ends), None, False, approximate, months)
    if value.date is None:
        return None
    point = value.date
    is_new_year = point.month == 1 and point.day == 1
    if is_new_year:
        point = PartialDate(year=point.year)
    months = None if point.month is None else ((point.year, point.month),) * 2
    return _Span(
        f"{prefix}{value.date}", point.year, point.year, point, is_new_year, approximate, months
    )


def _mismatch(beyond: int, reason: str) -> _Verdict:
    """A contradiction `beyond` years past the tolerance, stronger the further."""
    share = min(1.0, (beyond - 1) / (MISMATCH_FAR_BEYOND - 1))
    strength = MISMATCH_NEAR + (MISMATCH_FAR - MISMATCH_NEAR) * share
    return _Verdict(Agreement.MISMATCH, round(strength, 3), reason)


def _days_apart(a: PartialDate, b: PartialDate) -> int | None:
    if a.month is None or a.day is None or b.month is None or b.day is None:
        return None
    try:
        return abs((date(a.year, a.month, a.day) - date(b.year, b.month, b.day)).days)
    except ValueError:  # an impossible date such as 30 February: no day arithmetic
        return None


def _years_apart(years: int) -> str:
    return "one year apart" if years == 1 else f"{years} years apart"


def _precision_note(query: _Span, entry: _Span) -> str:
    """Say which side is less specific, for a match on the year or the month."""
    sides = []
    for side, span in (("the traveller's date", query), ("the list", entry)):
        assert span.point is not None
        if span.is_new_year:
            sides.append(f"{side} has 1 January, read as year only")
        elif span.point.month is None:
            sides.append(f"{side} gives the year only")
        elif span.point.day is None:
            sides.append(f"{side} gives month and year only")
    return "; ".join(sides)


def _compare_points(query: _Span, entry: _Span) -> _Verdict:
    """Two single, non-approximate dates."""
    a, b = query.point, entry.point
    assert a is not None and b is not None
    years = abs(a.year - b.year)
    days = _days_apart(a, b)
    if days is not None and 0 < days <= NEAR_DAYS:
        unit = "day" if days == 1 else "days"
        return _Verdict(Agreement.MATCH, SAME_MONTH_OTHER_DAY, f"{days} {unit} apart")
    if years > EXACT_TOLERANCE_YEARS:
        return _mismatch(years - EXACT_TOLERANCE_YEARS, _years_apart(years))
    note = _precision_note(query, entry)
    if a.month is None or b.month is None:
        if years == 0:
            return _Verdict(Agreement.MATCH, YEAR_ONLY_MATCH, f"same year; {note}")
        return _Verdict(Agreement.MATCH, ONE_YEAR_APART, f"one year apart; {note}")
    same_month = a.month == b.month
    same_day = a.day is None or b.day is None or a.day == b.day
    if years == 0:
        if same_month and a.day is not None and a.day == b.day:
            return _Verdict(Agreement.MATCH, EXACT_MATCH, "same date")
        if same_month and same_day:
            return _Verdict(Agreement.MATCH, SAME_MONTH, f"same month; {note}")
        if same_month:
            return _Verdict(Agreement.MATCH, SAME_MONTH_OTHER_DAY, "same month, different day")
        if a.day is not None and (a.day, a.month) == (b.month, b.day):
            return _Verdict(Agreement.MATCH, DAY_MONTH_SWAPPED, "day and month swapped")
        return _Verdict(Agreement.MISMATCH, SAME_YEAR_OTHER_MONTH, "same year, different month")
    if same_month and same_day:
        return _Verdict(Agreement.MATCH, ONE_YEAR_APART, "one year apart, same day and month")
    return _Verdict(
        Agreement.MISMATCH, ONE_YEAR_APART_OTHER_DAY, "one year apart, different day and month"
    )


def _range_strength(query: _Span, entry: _Span) -> float:
    width = max(query.high - query.low, entry.high - entry.low)
    return max(RANGE_MIN, RANGE_MATCH - RANGE_WIDTH_PENALTY * max(0, width - 1))


def _compare(query: _Span, entry: _Span) -> _Verdict:
    """Any two stated dates: ranges and approximate dates by year, single dates in full."""
    is_approximate = query.is_approximate or entry.is_approximate
    is_range = query.is_range or entry.is_range
    if not (is_approximate or is_range):
        return _compare_points(query, entry)
    gap = max(0, entry.low - query.high, query.low - entry.high)
    ceiling = _range_strength(query, entry) if is_range else 1.0
    if is_approximate:
        ceiling = min(ceiling, APPROXIMATE_SAME_YEAR)
        tolerance = APPROXIMATE_TOLERANCE_YEARS
    else:
        tolerance = EXACT_TOLERANCE_YEARS
    where = "outside the range" if is_range else "apart"
    label = "approximate, " if is_approximate else ""
    if gap == 0:
        if not is_approximate and _months_apart(query, entry):
            # Born in November against a list's "between August and September" of that year.
            return _Verdict(Agreement.MISMATCH, SAME_YEAR_OTHER_MONTH, "outside the range's months")
        inside = "within the range" if is_range else "same year"
        return _Verdict(Agreement.MATCH, round(ceiling, 3), f"{label}{inside}")
    span = f"{'one year' if gap == 1 else f'{gap} years'} {where}"
    if gap > tolerance:
        return _mismatch(gap - tolerance, f"{label}{span}")
    if is_approximate:
        drop = (APPROXIMATE_SAME_YEAR - APPROXIMATE_EDGE) * gap / tolerance
        near = APPROXIMATE_SAME_YEAR - drop
    else:
        near = ONE_YEAR_APART
    return _Verdict(Agreement.MATCH, round(min(near, ceiling), 3), f"{label}{span}")


def _months_apart(query: _Span, entry: _Span) -> bool:
    """Whether two dates known to the month cover no month in common."""
    if query.months is None or entry.months is None:
        return False
    (q_low, q_high), (e_low, e_high) = query.months, entry.months
    return q_high < e_low or e_high < q_low


def _listing(spans: Sequence[_Span]) -> str | None:
    return ", ".join(s.text for s in spans) or None


def year_bounds(values: Sequence[BirthDate]) -> tuple[int, int] | None:
    """The first and last year the stated dates cover, or None when none is usable."""
    spans = [span for span in map(_span, values) if span is not None]
    if not spans:
        return None
    return min(span.low for span in spans), max(span.high for span in spans)


def birth_date_agreement(
    query_dates: Sequence[BirthDate], entry_dates: Sequence[BirthDate]
) -> FeatureResult:
    """Birth dates: the traveller's closest date against the list's closest date.

    The same full date is strong support. Day and month swapped, a year-only date in the
    same year, a range that holds the year, or dates one year apart support a match less
    (1 January is read as "year only", as lists often write an unknown day that way). Two or
    more years apart contradicts it, more so the further apart; approximate dates are allowed
    two years either way. A date the list does not state is no evidence either way.
    """
    queries = [s for s in map(_span, query_dates) if s is not None]
    entries = [s for s in map(_span, entry_dates) if s is not None]
    if not queries or not entries:
        said, listed = _listing(queries), _listing(entries)
        if said is None and listed is None:
            detail = "no birth date for the traveller nor on the list"
        elif said is None:
            detail = f"traveller's birth date not given; list says {listed}"
        else:
            detail = f"born {said}; the list states no birth date"
        return unknown(
            FEATURE,
            detail,
            _listing(queries),
            _listing(entries),
        )
    best: tuple[_Verdict, _Span, _Span] | None = None
    for query in queries:
        for entry in entries:
            verdict = _compare(query, entry)
            if best is None or verdict.strength > best[0].strength:
                best = (verdict, query, entry)
    assert best is not None
    verdict, query, entry = best
    reason = verdict.reason
    if len(entries) > 1:
        reason += f"; closest of {len(entries)} listed dates"
    return FeatureResult(
        FEATURE,
        verdict.agreement,
        verdict.strength,
        f"born {query.text}; list says {entry.text} ({reason})",
        query.text,
        entry.text,
    )
