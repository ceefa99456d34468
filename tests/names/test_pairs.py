"""Part similarity on name pairs the lexicon never saw, and hand-picked pairs (similarity.py).

`tests/fixtures/names/heldout_pairs.tsv` is exported by `scripts/eval_part_equivalence.py` from the
held-out split of the Wikidata, Google and rigour data (columns a, b, expected 1/0, category,
source). Some of its rows are genuinely hard, so the file is held to an overall accuracy bound
(measured, minus two points); the well-known pairs and hand-picked hard negatives below must
each pass on their own.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from hajiz.names.similarity import part_similarity

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "names" / "heldout_pairs.tsv"
# Two parts at or above this count as the same name.
SAME_NAME = 0.8
# Measured 0.897 on 400 rows (2026-11-25: ar-lat 0.91, lat-lat 0.885); more than two points
# below that fails.
MIN_HELDOUT_ACCURACY = 0.877


def heldout_rows() -> list[dict[str, str]]:
    with HELDOUT.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_heldout_file_has_enough_rows_of_both_kinds() -> None:
    rows = heldout_rows()
    assert len(rows) >= 300
    assert set(rows[0]) == {"a", "b", "expected", "category", "source"}
    expected = Counter(row["expected"] for row in rows)
    assert set(expected) == {"0", "1"}
    assert min(expected.values()) >= 100
    assert {row["category"] for row in rows} >= {"ar-lat", "lat-lat"}
    assert all(row["a"] and row["b"] for row in rows)


def test_heldout_accuracy() -> None:
    rows = heldout_rows()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for row in rows:
        is_same = part_similarity(row["a"], row["b"]).score >= SAME_NAME
        key = f"{row['category']}/{row['source']}/{row['expected']}"
        total[key] += 1
        right[key] += is_same == (row["expected"] == "1")
    accuracy = sum(right.values()) / len(rows)
    by_group = {key: f"{right[key]}/{total[key]}" for key in sorted(total)}
    assert accuracy >= MIN_HELDOUT_ACCURACY, by_group


WELL_KNOWN = [
    # Latin spellings of one name
    ("Mohammed", "Muhammad"), ("Mohammed", "Mohamed"), ("Mohammed", "Mohamad"),
    ("Muhammad", "Mohammad"), ("Mohammed", "Muhammed"), ("Ahmed", "Ahmad"),
    ("Mahmoud", "Mahmud"), ("Mustafa", "Mostafa"), ("Mustafa", "Moustafa"),
    ("Yusuf", "Youssef"), ("Yusuf", "Yousef"), ("Yusuf", "Yousuf"), ("Omar", "Umar"),
    ("Osama", "Usama"), ("Osama", "Oussama"), ("Ali", "Aly"), ("Isa", "Issa"),
    ("Said", "Saeed"), ("Said", "Sayed"), ("Salim", "Salem"), ("Hussein", "Husayn"),
    ("Hussein", "Hussain"), ("Husain", "Hussain"), ("Hassan", "Hasan"), ("Khalid", "Khaled"),
    ("Hamid", "Hamed"), ("Majid", "Majed"), ("Rashid", "Rasheed"), ("Tariq", "Tarek"),
    ("Nasser", "Nasir"), ("Jamil", "Jameel"), ("Bashir", "Basheer"), ("Suleiman", "Sulayman"),
    ("Sulaiman", "Soliman"), ("Hamza", "Hamzah"), ("Qasim", "Kassem"), ("Qasim", "Qassem"),
    ("Ayman", "Aiman"), ("Anwar", "Anouar"), ("Hakim", "Hakeem"), ("Habib", "Habeeb"),
    ("Jafar", "Jaafar"), ("Khadija", "Khadidja"), ("Zainab", "Zeinab"), ("Maryam", "Mariam"),
    ("Aisha", "Aicha"), ("Yasin", "Yassine"), ("Tahir", "Taher"), ("Faisal", "Faysal"),
    ("Hisham", "Hicham"), ("Hashim", "Hachem"), ("Sharif", "Cherif"), ("Shukri", "Choukri"),
    ("Fatima", "Fatma"), ("Adel", "Adil"), ("Nabil", "Nabeel"), ("Abdullah", "Abdallah"),
    ("Ibrahim", "Ebrahim"), ("Laden", "Ladin"), ("Haqqani", "Haqani"), ("Karim", "Kareem"),
    # Arabic script and its romanisations
    ("محمد", "Mohammed"), ("محمد", "Muhammad"), ("أحمد", "Ahmed"), ("البغدادي", "al-Baghdadi"),
    ("بغدادي", "Baghdadi"), ("عواد", "Awwad"), ("عواد", "Awad"), ("إبراهيم", "Ibrahim"),
    ("حسين", "Hussein"), ("حسن", "Hassan"), ("عمر", "Omar"), ("عمر", "Umar"), ("يوسف", "Yusuf"),
    ("أسامة", "Osama"), ("أسامة", "Usama"), ("خالد", "Khalid"), ("مصطفى", "Mustafa"),
    ("علي", "Ali"), ("عيسى", "Issa"), ("سعيد", "Said"), ("زينب", "Zainab"), ("فاطمة", "Fatima"),
    ("عائشة", "Aisha"), ("الظواهري", "al-Zawahiri"), ("السامرائي", "al-Samarrai"),
    ("البدري", "al-Badri"), ("قريشي", "Qurashi"), ("حسيني", "Husseini"), ("آخوند", "Akhund"),
    ("لادن", "Laden"), ("عزام", "Azzam"),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), WELL_KNOWN)
def test_well_known_pairs_are_the_same_name(a: str, b: str) -> None:
    assert part_similarity(a, b).score >= SAME_NAME


def _weak(reason: str, *pairs: tuple[str, str]) -> list[object]:
    mark = pytest.mark.xfail(strict=True, reason=reason)
    return [pytest.param(a, b, marks=mark) for a, b in pairs]


HARD_NEGATIVES = [
    # Different names a few letters apart
    ("Ahmad", "Hamid"), ("Ali", "Alia"), ("Hassan", "Hussein"), ("Hasan", "Husain"),
    ("Salim", "Salma"), ("Salem", "Salma"), ("Omar", "Amr"), ("Omar", "Ammar"), ("Umar", "Ammar"),
    ("Mahmoud", "Mohammed"), ("Ahmed", "Mohammed"), ("Walid", "Khalid"), ("Majid", "Hamid"),
    ("Jamal", "Kamal"), ("Jihad", "Jawad"), ("Hadi", "Hoda"), ("Rami", "Rania"), ("Sami", "Salim"),
    ("Badr", "Bakr"), ("Saad", "Saud"), ("Said", "Saad"), ("Hani", "Hana"), ("Amin", "Amina"),
    ("Amir", "Amira"), ("Adel", "Abdel"), ("Ibrahim", "Abraham"),
    # A masculine name and its feminine form
    ("Karim", "Karima"), ("Samir", "Samira"), ("Nabil", "Nabila"),
    # The same across scripts
    ("احمد", "Hamid"), ("حسن", "Hussein"), ("سالم", "Salma"), ("علي", "Alia"),
    ("محمود", "Mohammed"), ("خالد", "Walid"), ("كريم", "Karima"), ("سعد", "Said"), ("بدر", "Bakr"),
    *_weak(
        "a romanisation of the Arabic shares the Latin word's phonetic key though the names "
        "differ (عمر is Umar, not Ammar = عمار; جمال is Jamal/Gamal, not Kamal = كمال)",
        ("عمر", "Ammar"), ("جمال", "Kamal"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), HARD_NEGATIVES)
def test_hard_negatives_are_different_names(a: str, b: str) -> None:
    assert part_similarity(a, b).score < SAME_NAME
