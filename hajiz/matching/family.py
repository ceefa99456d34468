"""Names of two people of one family: a son, a father, a brother.

An Arab's name is his own name and then his father's chain, so two names whose chains agree
but are shifted by one name, or agree after two different first names, belong to relatives.
A relative is not the listed person: the name score is lowered and the officer told why.
"""

from __future__ import annotations

from hajiz.matching.pairing import Pairing, is_muhammad
from hajiz.names.analysis import AnalysedName, first_given, natural_order
from hajiz.names.structure import Role

# The traveller's own first name missing from the list, whose name runs on from the traveller's
# second part for at least SHIFT_RUN parts: the traveller's father's chain is the listed name,
# as a son's is (Ali Saddam Hussein al-Tikriti against Saddam Hussein al-Tikriti).
SHIFTED_NASAB_FACTOR = 0.85
SHIFT_RUN = 3
SHIFTED_NASAB_NOTE = (
    "the traveller's first name is not on the list, and the listed name follows from the "
    "traveller's father's name on: a son of the listed person?"
)
# The same the other way round: the traveller's name is the listed person's father's chain.
FATHER_NOTE = (
    "the listed person's first name is not in the traveller's name, which follows from the "
    "listed person's father's name on: the listed person's father?"
)
# Two Arabic-style names whose first names differ, each unaligned, and whose father's chain
# agrees for SIBLING_RUN parts: brothers (Ali and Tarak ben Taher ben Faleh al-Harzi).
SIBLING_FACTOR = 0.85
SIBLING_RUN = 2
SIBLING_NOTE = (
    "the first names differ, and the names agree from the father's name on: a brother or "
    "sister of the listed person?"
)
FAMILY_FACTORS = {
    SHIFTED_NASAB_NOTE: SHIFTED_NASAB_FACTOR,
    FATHER_NOTE: SHIFTED_NASAB_FACTOR,
    SIBLING_NOTE: SIBLING_FACTOR,
}


def _arabic_naming(name: AnalysedName) -> bool:
    """Whether a name is written the Arabic way: in Arabic script, or with an article or a
    nasab particle (al-Tikriti, bin Laden)."""
    return any(p.is_arabic or p.part.article or p.part.link for p in name.name_parts)


def family_resemblance(query: AnalysedName, entry: AnalysedName, work: Pairing) -> str | None:
    """Why the names may be of two people of one family, or None: a son, a father, a sibling.

    An Arab's name is his own name and then his father's chain, so a chain that agrees but is
    shifted by one name, or that agrees after two different first names, is a relative's."""
    # Each reading needs three parts a side (SHIFT_RUN, or the first name and SIBLING_RUN).
    if len(query.parts) <= SIBLING_RUN or len(entry.parts) <= SIBLING_RUN:
        return None
    q_first, e_first = not work.used_q[first_given(query)], not work.used_e[first_given(entry)]
    son = q_first and len(query.parts) > SHIFT_RUN
    father = e_first and len(entry.parts) > SHIFT_RUN
    if not (son or father or (q_first and e_first)):
        return None  # the usual case: a first name aligned, and the other too or short
    if not (_arabic_naming(query) or _arabic_naming(entry)):
        return None
    q_order, e_order = natural_order(query), natural_order(entry)
    pairs = [(qi[0], ei[0]) for qi, ei, _, _, _, _ in work.pairs if len(qi) == len(ei) == 1]
    to_query = {e: q for q, e in pairs}
    if son and _shifted(query, q_order, e_order, to_query, entry):
        return SHIFTED_NASAB_NOTE
    if father and _shifted(entry, e_order, q_order, {q: e for q, e in pairs}, query):
        return FATHER_NOTE
    if not (q_first and e_first):
        return None
    firsts = (query.name_parts[q_order[0]], entry.name_parts[e_order[0]])
    if any(part.role is not Role.NAME for part in firsts):
        return None
    if all(to_query.get(e_order[t]) == q_order[t] for t in range(1, SIBLING_RUN + 1)):
        return SIBLING_NOTE
    return None


def _shifted(
    longer: AnalysedName,
    l_order: tuple[int, ...],
    s_order: tuple[int, ...],
    partner: dict[int, int],
    shorter: AnalysedName,
) -> bool:
    """Whether `longer` is `shorter` with a first name put before it, as an Arab son's name is
    his own name and then his father's chain (its first part being unaligned). Muhammad, which
    opens double given names (Mohammad Jawad), and titles do not count; nor does a shorter
    name opening with a prefix (the word left over may be its abd or abu, misspelt)."""
    if len(longer.parts) <= SHIFT_RUN or len(shorter.parts) < SHIFT_RUN:
        return False
    first = longer.name_parts[l_order[0]]
    if first.role is not Role.NAME:
        return False
    if is_muhammad(first):
        return False
    if shorter.name_parts[s_order[0]].part.prefix:
        return False
    return all(partner.get(s_order[t]) == l_order[t + 1] for t in range(SHIFT_RUN))
