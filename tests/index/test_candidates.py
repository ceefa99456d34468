"""The candidate index: the true entry is among the candidates, changes apply (index/candidates.py).

The list is `tests/fixtures/un_sc_small.xml` (seven persons and two organisations cut from the
UN consolidated list), read with the real importer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hajiz.importers.base import parse_list
from hajiz.index.candidates import DEFAULT_CANDIDATES, CandidateIndex
from hajiz.index.keys import subject_keys
from hajiz.matching.subjects import Subject, prepare_entry, prepare_query
from hajiz.model import BirthDate, Entry, Name, Query

UN_SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "un_sc_small.xml"
EntryFactory = Callable[..., Entry]


@pytest.fixture(scope="module")
def un_entries() -> list[Entry]:
    return parse_list("un-sc", UN_SMALL).entries


@pytest.fixture
def index(un_entries: list[Entry]) -> CandidateIndex:
    return CandidateIndex.build(prepare_entry(e) for e in un_entries)


def candidate_ids(
    index: CandidateIndex, *names: str, limit: int = DEFAULT_CANDIDATES, min_share: float = 0.0
) -> list[str]:
    query = prepare_query(Query(names=names))
    return [s.id for s in index.candidates(query, limit, min_share=min_share)]


def test_build_holds_every_entry(index: CandidateIndex, un_entries: list[Entry]) -> None:
    assert len(index) == len(un_entries) == 9
    for entry in un_entries:
        assert entry.id in index
        subject = index.get(entry.id)
        assert subject is not None and subject.id == entry.id
    assert {s.id for s in index.subjects()} == {e.id for e in un_entries}
    assert index.get("un-sc:nope") is None
    assert "un-sc:nope" not in index


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        # exact
        ("IBRAHIM AWWAD IBRAHIM AL-BADRI", "un-sc:QDi.299"),
        ("MOHAMMAD HASSAN AKHUND", "un-sc:TAi.002"),
        ("Joseph Kony", "un-sc:CFi.009"),
        ("Monir Chouka", "un-sc:QDi.300"),
        # spelling variants
        ("Ibrahim Awad al-Badri", "un-sc:QDi.299"),
        ("Mohamed Hasan Akhond", "un-sc:TAi.002"),
        ("Mounir Shouka", "un-sc:QDi.300"),
        ("Fitiwi Abdulrazak", "un-sc:LYi.022"),
        ("Mostafa Haji Mohammed Khan", "un-sc:QDi.306"),
        ("Abu Bakr el-Baghdadi", "un-sc:QDi.299"),
        # cross-script
        ("أبو بكر البغدادي", "un-sc:QDi.299"),
        ("ابراهيم عواد البدري", "un-sc:QDi.299"),
        ("محمد حسن آخوند", "un-sc:TAi.002"),
        ("حسن غول", "un-sc:QDi.306"),
        ("مصطفى حجي محمد خان", "un-sc:QDi.306"),
        ("Магомед Абдурахманов", "un-sc:QDi.363"),
        ("جبهة النصرة", "un-sc:QDe.137"),
    ],
)
def test_candidates_contain_the_true_entry(index: CandidateIndex, name: str, entry_id: str) -> None:
    found = candidate_ids(index, name)
    assert entry_id in found
    assert found[0] == entry_id


def test_an_unknown_name_finds_nothing_relevant(index: CandidateIndex) -> None:
    assert candidate_ids(index, "Qwzxtrab Plovdivski") == []


def test_candidates_are_unique_and_bounded(e: EntryFactory) -> None:
    entries = [e(f"m-{i}", f"Mohammed Ahmed Khan{i:03d}") for i in range(120)]
    entries.append(e("target", "Mohammed Ahmed Zawahiri"))
    index = CandidateIndex.build(prepare_entry(x) for x in entries)
    for limit in (1, 5, 30):
        found = candidate_ids(index, "Mohammed Ahmed Zawahiri", limit=limit)
        assert len(found) == limit
        assert len(set(found)) == len(found)
        assert found[0] == "target"  # the rare key decides


def test_adding_an_entry_makes_it_findable(index: CandidateIndex, e: EntryFactory) -> None:
    assert "new-1" not in candidate_ids(index, "Ayman al-Zawahiri")
    index.add(prepare_entry(e("new-1", "Ayman al-Zawahiri", names=("أيمن الظواهري",))))
    assert len(index) == 10
    assert candidate_ids(index, "Ayman al-Zawahiri")[0] == "new-1"
    assert candidate_ids(index, "أيمن الظواهري")[0] == "new-1"


def test_removed_entries_are_never_returned(index: CandidateIndex) -> None:
    assert index.remove("un-sc:QDi.299") is True
    assert index.remove("un-sc:QDi.299") is False
    assert "un-sc:QDi.299" not in index
    assert index.get("un-sc:QDi.299") is None
    assert len(index) == 8
    for name in ("IBRAHIM AWWAD IBRAHIM AL-BADRI", "أبو بكر البغدادي", "Abu Dua"):
        assert "un-sc:QDi.299" not in candidate_ids(index, name, limit=100)
    assert "un-sc:QDi.299" not in {s.id for s in index.subjects()}


def test_a_replaced_entry_returns_its_new_version(index: CandidateIndex, e: EntryFactory) -> None:
    new = e("un-sc:QDi.300", "Karim Benali", version=2)
    index.add(prepare_entry(new))
    assert len(index) == 9
    subject = index.get("un-sc:QDi.300")
    assert subject is not None and subject.version == 2
    assert candidate_ids(index, "Karim Benali")[0] == "un-sc:QDi.300"
    # The old names no longer lead to it, and it comes back once only.
    assert "un-sc:QDi.300" not in candidate_ids(index, "Monir Chouka", limit=100)
    found = [s for s in index.candidates(prepare_query(Query(names=("Karim Benali",))), 100)]
    assert [s.version for s in found if s.id == "un-sc:QDi.300"] == [2]


def test_build_keeps_the_last_of_duplicate_ids(e: EntryFactory) -> None:
    index = CandidateIndex.build(
        [
            prepare_entry(e("dup", "Ahmad Shah Massoud")),
            prepare_entry(e("dup", "Gulbuddin Hekmatyar")),
        ]
    )
    assert len(index) == 1
    assert candidate_ids(index, "Gulbuddin Hekmatyar") == ["dup"]
    assert candidate_ids(index, "Ahmad Shah Massoud") == []


def test_many_additions_stay_findable(e: EntryFactory) -> None:
    # Enough additions under one key to pass the merge point of pending postings.
    index = CandidateIndex.build([])
    for i in range(600):
        index.add(prepare_entry(e(f"a-{i}", f"Haqqani Qwz{i:04d}")))
    index.remove("a-7")
    found = candidate_ids(index, "Haqqani", limit=1000)
    assert len(found) == 599
    assert "a-7" not in found
    assert index.document_frequency(next(iter(_keys("Haqqani")))) >= 599


def _keys(name: str) -> set[str]:
    subject: Subject = prepare_entry(
        Entry(id="k", agency="T", source="t", names=(Name(full=name),))
    )
    return subject_keys(subject)


def test_document_frequency_counts_entries_with_a_key(index: CandidateIndex) -> None:
    keys = _keys("Baghdadi")
    assert keys
    assert max(index.document_frequency(k) for k in keys) >= 1
    assert index.document_frequency("p:qwzxtrab") == 0


def test_candidates_far_below_the_best_are_left_out(e: EntryFactory) -> None:
    entries = [e("target", "Mohammed Ahmed Zawahiri")]
    entries += [e(f"m-{i}", f"Mohammed Khan{i:03d}") for i in range(30)]
    index = CandidateIndex.build(prepare_entry(x) for x in entries)
    everyone = candidate_ids(index, "Mohammed Ahmed Zawahiri", limit=30, min_share=0.0)
    close = candidate_ids(index, "Mohammed Ahmed Zawahiri", limit=30, min_share=0.4)
    assert close[0] == everyone[0] == "target"
    assert len(close) < len(everyone)
    assert close == everyone[: len(close)]


@pytest.fixture(scope="module")
def synthetic_index() -> CandidateIndex:
    from hajiz.benchmarking.synthetic import synthetic_entries

    index = CandidateIndex.build(prepare_entry(e) for e in synthetic_entries(11, 1500))
    for slot in range(0, 1500, 7):
        index.remove(f"bench:{slot:07d}")  # removed slots must not change the result
    return index


@pytest.mark.parametrize("agency_filter", [False, True])
def test_reading_rare_keys_first_finds_what_counting_every_posting_finds(
    synthetic_index: CandidateIndex, agency_filter: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hajiz.index.candidates as candidates_module
    from hajiz.benchmarking.synthetic import traveller_query

    accept = (lambda s: s.id[-1] in "02468") if agency_filter else None
    queries = [prepare_query(traveller_query(11, i)) for i in range(150)]
    queries += [
        prepare_query(Query(names=(s.names[0].name.text,)))
        for s in list(synthetic_index.subjects())[:150]
    ]
    counted_everything = [
        [s.id for s in synthetic_index.candidates(q, 20, accept)] for q in queries
    ]
    # Now almost every key is common, and entries are found through their rare keys first.
    monkeypatch.setattr(candidates_module, "RARE_POSTINGS_MIN", 3)
    monkeypatch.setattr(candidates_module, "RARE_POSTINGS_SHARE", 10**9)
    answered: list[bool] = []
    original = CandidateIndex._rare_first

    def counting(self: CandidateIndex, *args: Any) -> list[Subject] | None:
        result = original(self, *args)
        answered.append(result is not None)
        return result

    monkeypatch.setattr(CandidateIndex, "_rare_first", counting)
    rare_first = [[s.id for s in synthetic_index.candidates(q, 20, accept)] for q in queries]
    assert rare_first == counted_everything
    # Both ways were taken: rare keys sufficed for some queries, others needed every posting.
    assert 20 < sum(answered) < len(answered)
    assert sum(map(len, rare_first)) > len(queries) * 3


def test_a_typo_that_adds_a_consonant_still_finds_the_entry(e: EntryFactory) -> None:
    # Fifty namesakes share the common part; only the typo'd part tells the entry apart.
    namesakes = [e(f"t:{i:02d}", f"HAMUD, {given}") for i, given in enumerate(GIVEN_NAMES)]
    index = CandidateIndex.build(
        prepare_entry(x) for x in [*namesakes, e("t:faruq", "HAMUD, Faruq")]
    )
    assert candidate_ids(index, "HAMUD, Fkruq", limit=5)[0] == "t:faruq"
    assert candidate_ids(index, "BUKHATTALAH Faruq", limit=5)[0] == "t:faruq"


def test_a_short_name_with_its_article_attached_finds_it_written_apart(e: EntryFactory) -> None:
    # Fifty namesakes share the given name; ALALI is the listed al-Ali, and the reverse.
    namesakes = [e(f"t:{i:02d}", f"{given} Ahmed") for i, given in enumerate(GIVEN_NAMES)]
    index = CandidateIndex.build(
        prepare_entry(x)
        for x in [*namesakes, e("t:apart", "Ahmed Al-Ali"), e("t:joined", "Ahmed ALNUR")]
    )
    assert candidate_ids(index, "AHMED ALALI", limit=3)[0] == "t:apart"
    assert candidate_ids(index, "Ahmed al-Nur", limit=3)[0] == "t:joined"


def test_a_typo_whose_consonants_match_another_listed_word_still_finds_the_entry(
    e: EntryFactory,
) -> None:
    # BIZRAQH's consonants (bzrk) are Bozorg's: a skeleton shared by chance is no spelling the
    # list knows, so the near skeletons are looked up too, and find Bizrah.
    namesakes = [e(f"t:{i:02d}", f"{given} Muhammad") for i, given in enumerate(GIVEN_NAMES)]
    others = [e("t:bozorg", "BOZORG, Marzieh"), e("t:bizrah", "BIZRAH, Muhammad")]
    index = CandidateIndex.build(prepare_entry(x) for x in [*namesakes, *others])
    assert candidate_ids(index, "BIZRAQH, Muhammad", limit=3)[0] == "t:bizrah"


def test_a_known_part_does_not_pull_in_its_one_letter_neighbours(e: EntryFactory) -> None:
    index = CandidateIndex.build(prepare_entry(x) for x in [e("t:1", "Bakri"), e("t:2", "Bakr")])
    bakri = prepare_query(Query(names=("Bakri",))).names[0].name_parts[0]
    assert index._part_query_keys(bakri) == bakri.keys()


def test_an_arabic_only_entry_is_found_by_a_somali_spelling(e: EntryFactory) -> None:
    # ظ is Dahir in Somalia, Zahir in the Levant: the Arabic entry must not drown among
    # fifty Latin namesakes of its commonest part.
    latin = [e(f"t:{i:02d}", f"Hassan {given}") for i, given in enumerate(GIVEN_NAMES)]
    arabic = e("t:arabic", "حسن ظاهر عويس")
    index = CandidateIndex.build(prepare_entry(x) for x in [*latin, arabic])
    assert candidate_ids(index, "HASSAN DAHIR AWEYS", limit=3)[0] == "t:arabic"


def test_a_birth_year_finds_the_listed_namesake_among_a_hundred(e: EntryFactory) -> None:
    namesakes = [
        e(f"t:{i:03d}", "Mohammed Ali Hassan", birth_date=str(1940 + i % 30)) for i in range(100)
    ]
    born = e("t:born", "Mohammed Ali Hassan", birth_date="1985-03-02")
    index = CandidateIndex.build(prepare_entry(x) for x in [*namesakes, born])
    without = prepare_query(Query(names=("Mohammed Ali Hassan",)))
    dated = prepare_query(
        Query(names=("Mohammed Ali Hassan",), birth_dates=(BirthDate.parse("1986"),))
    )
    # A hundred ties on the name: without a birth date the last places go by slot.
    assert "t:born" not in [s.id for s in index.candidates(without, 5)]
    assert "t:born" in [s.id for s in index.candidates(dated, 5)]


def test_ties_go_first_to_entries_listed_with_a_name_no_longer_than_the_traveller_s(
    e: EntryFactory,
) -> None:
    # Forty entries carry "Abdur Rehman" within a longer name, and tie with the one listed as
    # just that on every key of the traveller's name. It scores highest: it must be scored.
    longer = [e(f"t:{i:03d}", "Abdur Rehman Makki") for i in range(40)]
    alone = e("t:alone", "Abdur Rehman")  # placed last: slot order alone would leave it out
    index = CandidateIndex.build(prepare_entry(x) for x in [*longer, alone])
    query = prepare_query(Query(names=("ABDUR REHMAN",)))
    found = [s.id for s in index.candidates(query, 5)]
    assert found[0] == "t:alone"
    assert len(found) == 5


def test_a_birth_year_does_not_bring_in_a_far_weaker_name(e: EntryFactory) -> None:
    namesakes = [e(f"t:{i:03d}", "Mohammed Ali", birth_date="1985") for i in range(30)]
    better = e("t:better", "Mohammed Ali Zubaydi")
    index = CandidateIndex.build(prepare_entry(x) for x in [*namesakes, better])
    query = prepare_query(
        Query(names=("Mohammed Ali Zubaydi",), birth_dates=(BirthDate.parse("1985"),))
    )
    # The namesakes share only the common parts: far below the best, born then or not.
    assert [s.id for s in index.candidates(query, 5)] == ["t:better"]


def test_a_full_birth_date_brings_in_a_listed_person_sharing_one_name_key(
    e: EntryFactory,
) -> None:
    # Thirty entries spell the surname as the traveller does; the listed person spells it
    # otherwise and shares only Ali with him. His full birth date makes him a candidate.
    closer = [e(f"t:{i:03d}", "Ali Cheade", birth_date="1970") for i in range(30)]
    listed = e("t:listed", "CHEHADE, Ali Ahmad", birth_date="1961-03-05")
    stranger = e("t:stranger", "Ivan Petrov", birth_date="1961-03-05")
    new_year = e("t:new-year", "CHEHADE, Ali Ahmad", birth_date="1961-01-01")
    index = CandidateIndex.build(prepare_entry(x) for x in [*closer, listed, stranger, new_year])

    def found(*dates: str) -> list[str]:
        births = tuple(BirthDate.parse(d) for d in dates)
        query = prepare_query(Query(names=("CHEADE, Ali",), birth_dates=births))
        return [s.id for s in index.candidates(query, 5)]

    assert "t:listed" not in found()
    assert "t:listed" not in found("1961")  # a year alone is no such evidence
    dated = found("1961-03-05")
    assert dated[-1] == "t:listed" and len(dated) == 6  # added beyond the five by name
    assert "t:stranger" not in dated  # the same day, but no name key in common
    # 1 January stands for an unknown day: it brings in nobody.
    assert "t:new-year" not in found("1961-01-01")


def test_counting_every_posting_densely_finds_what_counting_sparsely_finds(
    synthetic_index: CandidateIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hajiz.index.candidates as candidates_module
    from hajiz.benchmarking.synthetic import traveller_query

    queries = [prepare_query(traveller_query(12, i)) for i in range(100)]
    monkeypatch.setattr(candidates_module, "RARE_POSTINGS_MIN", 0)  # no rare keys: count all
    monkeypatch.setattr(candidates_module, "RARE_POSTINGS_SHARE", 10**9)
    sparse = [[s.id for s in synthetic_index.candidates(q, 20)] for q in queries]
    monkeypatch.setattr(candidates_module, "DENSE_FROM", 0)
    dense = [[s.id for s in synthetic_index.candidates(q, 20)] for q in queries]
    assert dense == sparse
    assert sum(map(len, dense)) > len(queries) * 3


GIVEN_NAMES = (
    "Ahmad",
    "Mahmoud",
    "Khalid",
    "Omar",
    "Yusuf",
    "Ibrahim",
    "Karim",
    "Tariq",
    "Samir",
    "Nabil",
    "Walid",
    "Jamal",
    "Fadi",
    "Rami",
    "Ziad",
    "Bilal",
    "Hamza",
    "Anas",
    "Majid",
    "Nasser",
    "Adel",
    "Fouad",
    "Hisham",
    "Imad",
    "Kamal",
    "Marwan",
    "Munir",
    "Nizar",
    "Qasim",
    "Raed",
    "Saeed",
    "Talal",
    "Wael",
    "Yasser",
    "Zaki",
    "Ayman",
    "Basel",
    "Fahd",
    "Ghassan",
    "Hani",
    "Jihad",
    "Luay",
    "Mazen",
    "Nader",
    "Osama",
    "Rafiq",
    "Sami",
    "Tamer",
    "Usama",
    "Wissam",
)
