"""Name structure: kunya, nasab, abd- and X al-Din compounds, articles, titles (names/structure.py).

Each case reads a name as written and lists the parts hajiz should see, as (label, role):
the label is `Part.label` (`abu bakr`, `abd al-rahman`, `salah al-din`, `al-baghdadi`).
"""

from __future__ import annotations

from typing import Any

import pytest

from hajiz.names.attached import split_attached
from hajiz.names.normalize import normalize_name
from hajiz.names.structure import (
    Part,
    Role,
    parse_parts,
    patronymic_stems,
    rejoin_surname_first,
)

KUNYA, NASAB, NISBA = Role.KUNYA, Role.NASAB, Role.NISBA
COMPOUND, TITLE, NAME = Role.COMPOUND, Role.TITLE, Role.NAME


def parts(text: str) -> list[Part]:
    return parse_parts(normalize_name(text))


def shape(text: str) -> list[tuple[str, Role]]:
    return [(p.label, p.role) for p in parts(text)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Abu Bakr al-Baghdadi", [("abu bakr", KUNYA), ("al-baghdadi", NISBA)]),
        ("Abou Bakr", [("abu bakr", KUNYA)]),
        ("Abo Bakr", [("abu bakr", KUNYA)]),
        ("Bou Bakr", [("abu bakr", KUNYA)]),
        ("Ebu Bekir", [("abu bekir", KUNYA)]),
        ("Abubakar Shekau", [("abu bakar", KUNYA), ("shekau", NAME)]),
        ("Abubakr", [("abu bakr", KUNYA)]),
        ("Abukar", [("abu bakar", KUNYA)]),  # Somali
        ("Abu-Shaima", [("abu shaima", KUNYA)]),
        ("Abu Muhammad al-Julani", [("abu muhammad", KUNYA), ("al-julani", NISBA)]),
        ("أبو بكر البغدادي", [("abu بكر", KUNYA), ("al-بغدادي", NISBA)]),
        ("ابوبكر البغدادي", [("abu بكر", KUNYA), ("al-بغدادي", NISBA)]),
        ("Umm Kulthum", [("umm kulthum", KUNYA)]),
        ("Oum Kalthoum", [("umm kalthoum", KUNYA)]),
        ("أم كلثوم", [("umm كلثوم", KUNYA)]),
    ],
)
def test_kunya(name: str, expected: list[tuple[str, Role]]) -> None:
    assert shape(name) == expected


def test_kunya_part_keeps_its_prefix_and_core() -> None:
    (kunya,) = parts("Abu Bakr")
    assert (kunya.prefix, kunya.core, kunya.words) == ("abu", "bakr", ("abu", "bakr"))
    (arabic,) = parts("أبو بكر")
    assert (arabic.prefix, arabic.core) == ("abu", "بكر")
    assert arabic.is_arabic and not kunya.is_arabic
    (umm,) = parts("Umm Salama")
    assert (umm.prefix, umm.core) == ("umm", "salama")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "Osama bin Mohammed bin Awad bin Laden",
            [("osama", NAME), ("bin mohammed", NASAB), ("bin awad", NASAB), ("bin laden", NASAB)],
        ),
        ("Usama ibn Ladin", [("usama", NAME), ("bin ladin", NASAB)]),
        ("Ahmed ben Ali", [("ahmed", NAME), ("bin ali", NASAB)]),
        ("Fatima bint Ahmed", [("fatima", NAME), ("bint ahmed", NASAB)]),
        ("Fatima binti Ahmed", [("fatima", NAME), ("bint ahmed", NASAB)]),
        ("Mohamed ould Ahmed", [("mohamed", NAME), ("bin ahmed", NASAB)]),
        ("Mohamed Ould Abdel Aziz", [("mohamed", NAME), ("bin abd aziz", COMPOUND)]),
        ("Muhammad ibn Abd al-Wahhab", [("muhammad", NAME), ("bin abd al-wahhab", COMPOUND)]),
        ("أسامة بن محمد بن لادن", [("اسامه", NAME), ("bin محمد", NASAB), ("bin لادن", NASAB)]),
        ("فاطمة بنت محمد", [("فاطمه", NAME), ("bint محمد", NASAB)]),
        ("بنعلي", [("bin علي", NASAB)]),
        ("ولد عبد الله", [("bin abd allah", COMPOUND)]),
        # Written out, as South Asian and francophone records do.
        ("Akhter Mohmad s/o Noor", [("akhter", NAME), ("mohmad", NAME), ("bin noor", NASAB)]),
        ("Ahmad son of Karim", [("ahmad", NAME), ("bin karim", NASAB)]),
        ("Amina D/O Yusuf", [("amina", NAME), ("bint yusuf", NASAB)]),
        ("Mohamed fils de Ahmed", [("mohamed", NAME), ("bin ahmed", NASAB)]),
        # Words that only look like it.
        ("Son Heung Min", [("son", NAME), ("heung", NAME), ("min", NAME)]),
        ("Juan de Dios", [("juan", NAME), ("de", NAME), ("dios", NAME)]),
    ],
)
def test_nasab_chains(name: str, expected: list[tuple[str, Role]]) -> None:
    assert shape(name) == expected


def test_nasab_part_records_its_link() -> None:
    _, son_of = parts("Osama bin Laden")
    assert (son_of.link, son_of.core, son_of.prefix) == ("bin", "laden", None)
    _, daughter_of = parts("Fatima bint Ahmed")
    assert daughter_of.link == "bint"


@pytest.mark.parametrize(
    "name",
    [
        "Abd al-Rahman",
        "Abd ar-Rahman",
        "Abdul Rahman",
        "Abdel Rahman",
        "Abdurrahman",
        "Abdulrahman",
        "Abdelrahman",
        "Abd-al-Rahman",
    ],
)
def test_abd_al_rahman_spellings_all_read_as_abd_plus_rahman(name: str) -> None:
    (part,) = parts(name)
    assert (part.prefix, part.core, part.role) == ("abd", "rahman", COMPOUND)


@pytest.mark.parametrize(
    "name",
    [
        "Abdullah",
        "Abdallah",
        "Abdulla",
        "Abdalla",
        "Abd Allah",
        "Abdul Lah",
        "عبدالله",
        "عبد الله",
        # West African (Ghana, Sierra Leone) and Tatar spellings.
        "Abdulai",
        "Abdoulaie",
        "Gabdulla",
        "Cabdullahi",  # Somali writes the ayn as c
    ],
)
def test_abdullah_spellings_all_read_as_abd_plus_allah(name: str) -> None:
    (part,) = parts(name)
    assert (part.prefix, part.core, part.role) == ("abd", "allah", COMPOUND)
    assert part.label == "abd allah"


def test_abdoulaye_reads_as_abd_plus_allah() -> None:
    (part,) = parts("Abdoulaye")
    assert (part.prefix, part.core) == ("abd", "allah")


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Abdelkader", "kader"),
        ("Abdel Kader", "kader"),
        ("Abdulaziz", "aziz"),
        ("Abdel-Fattah", "fattah"),
        ("Abdelrazak", "razak"),
        ("Abdrazzak", "razzak"),
        ("Abdul Haq", "haq"),
        ("Abdo al-Aziz", "aziz"),
        ("Abdiaziz", "aziz"),  # Somali: the second vowel starts the name
        ("Abdualim", "alim"),
        ("عبدالرحمن", "رحمن"),
        ("عبد الرحمن", "رحمن"),
        ("عبدالحميد", "حميد"),
    ],
)
def test_other_abd_compounds(name: str, core: str) -> None:
    (part,) = parts(name)
    assert (part.prefix, part.core, part.role) == ("abd", core, COMPOUND)


def test_attached_and_separate_arabic_abd_compounds_read_alike() -> None:
    assert shape("عبدالرحمن") == shape("عبد الرحمن") == [("abd al-رحمن", COMPOUND)]


def test_somali_c_for_the_ayn_of_abd_is_taken_off() -> None:
    assert shape("Cabdi Xasan")[0] == ("abdi", NAME)
    assert shape("Cabrera Luis")[0] == ("cabrera", NAME)  # no abd: the c stays


@pytest.mark.parametrize("name", ["Abid Hussain", "Abdi Ali", "Abdo Ali"])
def test_abd_spellings_that_are_names_stay_names(name: str) -> None:
    first, second = parts(name)
    assert first.role is NAME and first.prefix is None
    assert second.role is NAME


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Salah ad-Din", "salah"),
        ("Salah al-Din", "salah"),
        ("Salah Eddine", "salah"),
        ("Salahuddin", "salah"),
        ("Salaheddine", "salah"),
        ("Nasreddine", "nasr"),
        ("Nasser ud-Din", "nasser"),
        ("Nour Eddine", "nour"),
        ("Nur al-Din", "nur"),
        ("Zaher Dine", "zaher"),
        ("Shamsuddin", "shams"),
        ("Fakhruddin", "fakhr"),
        ("Nurettin", "nur"),  # Turkish spells -din as -ttin
        ("Salahattin", "salah"),
        ("نورالدين", "نور"),
        ("نور الدين", "نور"),
        ("صلاح الدين", "صلاح"),
    ],
)
def test_x_al_din_compounds(name: str, core: str) -> None:
    (part,) = parts(name)
    assert (part.core, part.suffix, part.role) == (core, "din", COMPOUND)
    assert part.label.endswith(" al-din")


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("Nasrullah", "nasr"),
        ("Nasr Allah", "nasr"),
        ("Habib Ullah", "habib"),
        ("Habibullah", "habib"),
        ("Habibollah", "habib"),
        ("Saifullah", "saif"),
        ("Saif-ul-Lah", "saif"),
        ("Ehsanullah", "ehsan"),
        ("Rahmatullo", "rahmat"),  # Tajik and Uzbek
        ("Hikmatulloh", "hikmat"),
        ("نصرالله", "نصر"),
        ("نصر الله", "نصر"),
    ],
)
def test_x_allah_compounds(name: str, core: str) -> None:
    (part,) = parts(name)
    assert (part.core, part.suffix, part.role) == (core, "allah", COMPOUND)


@pytest.mark.parametrize(
    "name", ["Padilla", "Montilla", "Lavilla", "Estrella", "Volodin", "Borodin"]
)
def test_surnames_that_only_end_like_a_compound_are_names(name: str) -> None:
    assert shape(name) == [(name.lower(), NAME)]


@pytest.mark.parametrize("name", ["Gaxiolla", "Barkalla", "Cebolla"])
def test_a_word_ending_in_alla_without_h_after_no_known_name_is_a_name(name: str) -> None:
    assert shape(name) == [(name.lower(), NAME)]


@pytest.mark.parametrize(("name", "core"), [("Faizulla", "faiz"), ("Fadlalla", "fadl")])
def test_x_alla_without_h_after_a_known_name_is_a_compound(name: str, core: str) -> None:
    (part,) = parts(name)
    assert (part.core, part.suffix, part.role) == (core, "allah", COMPOUND)


@pytest.mark.parametrize("name", ["Cirullo", "Carullo", "Trullo"])
def test_italian_surnames_ending_in_ullo_are_names(name: str) -> None:
    assert shape(name) == [(name.lower(), NAME)]


def test_the_compounds_those_endings_resemble_still_split() -> None:
    assert shape("Nasrillah") == [("nasr allah", COMPOUND)]
    assert shape("Emadoddin") == [("emad al-din", COMPOUND)]
    assert shape("Nasrudin") == [("nasr al-din", COMPOUND)]


def test_a_compound_after_a_given_name_stays_a_separate_part() -> None:
    assert shape("Hasan Nasrallah") == [("hasan", NAME), ("nasr allah", COMPOUND)]
    assert shape("Ibrahim Abdullah") == [("ibrahim", NAME), ("abd allah", COMPOUND)]


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("البغدادي", "بغدادي"),
        ("al-Baghdadi", "baghdadi"),
        ("Al Baghdadi", "baghdadi"),
        ("el-Baghdadi", "baghdadi"),
        ("ash-Shami", "shami"),
        ("ad-Dawsari", "dawsari"),
        ("az-Zawahiri", "zawahiri"),
    ],
)
def test_the_article_makes_a_nisba(name: str, core: str) -> None:
    (part,) = parts(f"Ahmad {name}")[1:]
    assert (part.core, part.article, part.role) == (core, True, NISBA)


def test_sun_letter_assimilation_inside_compounds() -> None:
    assert shape("Salah ad-Din") == shape("Salah al-Din")
    assert shape("Abd ar-Rahman") == shape("Abd al-Rahman") == [("abd al-rahman", COMPOUND)]
    assert shape("Abu as-Sayyid") == [("abu al-sayyid", KUNYA)]


@pytest.mark.parametrize(
    ("name", "core"), [("Ahmed as-Sayyid", "sayyid"), ("Muhammad at-Tamimi", "tamimi")]
)
def test_sun_letter_assimilation_after_a_given_name(name: str, core: str) -> None:
    assert shape(name) == [(parts(name)[0].label, NAME), (f"al-{core}", NISBA)]


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("abdurrahman", ["abd", "rahman"]),
        ("abdullah", ["abd", "allah"]),
        ("abdelkader", ["abd", "kader"]),
        ("nasreddine", ["nasr", "al", "din"]),
        ("salahuddin", ["salah", "al", "din"]),
        ("nasrullah", ["nasr", "allah"]),
        ("abubakar", ["abu", "bakar"]),
        ("البغدادي", ["ال", "بغدادي"]),
        ("عبدالرحمن", ["عبد", "ال", "رحمن"]),
        ("عبدالله", ["عبد", "الله"]),
        ("نصرالله", ["نصر", "الله"]),
        ("نورالدين", ["نور", "ال", "دين"]),
        ("ابوبكر", ["ابو", "بكر"]),
        # Not compounds: the article letters start the word itself, or it is too short.
        ("الياس", ["الياس"]),
        ("الله", ["الله"]),
        ("elias", ["elias"]),
        ("abbas", ["abbas"]),
        ("abdul", ["abdul"]),
        ("mullah", ["mullah"]),
    ],
)
def test_split_attached(word: str, split: list[str]) -> None:
    assert split_attached([word]) == split


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Sheikh Ahmed Yassin", "sheikh"),
        ("Shaykh Ahmed Yassin", "shaykh"),
        ("Dr. Ayman al-Zawahiri", "dr"),
        ("Mullah Mohammed Omar", "mullah"),
        ("Mullah Omar", "mullah"),
        ("Haji Mohammed", "haji"),
        ("Sayyid Ali Hussein", "sayyid"),
        ("ملا عمر", "ملا"),
        ("سيد علي حسين", "سيد"),
        ("Ustadz Abubakar Abdillah", "ustadz"),  # the Indonesian spelling of ustadh
    ],
)
def test_titles_are_set_aside(name: str, title: str) -> None:
    found = parts(name)
    assert (found[0].core, found[0].role) == (title, TITLE)
    assert all(p.role is not TITLE for p in found[1:])
    assert len(found) >= 2


@pytest.mark.parametrize("name", ["الشيخ أحمد ياسين", "الدكتور أيمن الظواهري", "الحاج محمد"])
def test_arabic_titles_with_the_article_are_set_aside(name: str) -> None:
    assert parts(name)[0].role is TITLE


def test_a_title_that_is_also_a_name_is_kept_when_it_is_the_only_other_word() -> None:
    assert shape("Amir Khan") == [("amir", NAME), ("khan", NAME)]
    assert shape("Sultan Ahmed") == [("sultan", NAME), ("ahmed", NAME)]
    assert shape("أمير خان") == [("امير", NAME), ("خان", NAME)]


def test_a_lone_title_word_is_a_name() -> None:
    assert shape("Sheikh") == [("sheikh", NAME)]
    assert shape("Mullah") == [("mullah", NAME)]


@pytest.mark.parametrize("word", ["Abu", "bin", "Umm", "Abdul", "al", "ال"])
def test_a_lone_particle_is_kept_as_a_name(word: str) -> None:
    (part,) = parts(word)
    assert part.role is NAME


def test_a_trailing_particle_does_not_swallow_anything() -> None:
    assert shape("Usman bin") == [("usman", NAME), ("bin", NAME)]


def test_a_full_saudi_style_name() -> None:
    assert shape("Abdulaziz bin Abdulrahman Al Saud") == [
        ("abd aziz", COMPOUND),
        ("bin abd rahman", COMPOUND),
        ("al-saud", NISBA),
    ]


def test_parse_parts_of_nothing_is_empty() -> None:
    assert parse_parts([]) == []
    assert parse_parts(["", ""]) == []


@pytest.mark.parametrize(
    "name", ["ABDULLANH YAHYA", "Abdullwah Yahya", "Abdullah Yahya", "ABDLULAH YAHYA"]
)
def test_a_typo_in_abdullah_still_reads_as_abd_allah(name: str) -> None:
    assert shape(name)[0] == ("abd allah", Role.COMPOUND)


@pytest.mark.parametrize("name", ["Abudullah Yahya", "ABUDALLAH YAHYA", "Aboudallah Yahya"])
def test_abdullah_with_a_vowel_put_in_is_not_a_kunya(name: str) -> None:
    assert shape(name)[0] == ("abd allah", Role.COMPOUND)


def test_a_kunya_written_onto_its_name_is_still_a_kunya() -> None:
    assert shape("Abudujana Yahya")[0] == ("abu dujana", Role.KUNYA)


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Abolfazl Rezaei", "abu al-fazl"),  # Persian Abol-
        ("Abolghasem Rezaei", "abu al-ghasem"),
        ("Abulhasan Rezaei", "abu al-hasan"),
        ("Abul Kalam Azad", "abu al-kalam"),
    ],
)
def test_abu_with_the_article_reads_as_a_kunya(name: str, label: str) -> None:
    assert shape(name)[0] == (label, Role.KUNYA)


@pytest.mark.parametrize(
    "name",
    ["Abu Abdul Aziz", "Abu Abd al-Aziz", "ABU ABDEL AZIZ", "Abu Abdelaziz", "Abu Abdul-Aziz"],
)
def test_a_kunya_naming_an_abd_compound_reads_abd_however_spelt(name: str) -> None:
    assert shape(name)[0] == ("abu abd", Role.KUNYA)
    assert parts(name)[-1].core == "aziz"


def test_a_kunya_before_an_abd_word_that_is_a_name_keeps_it() -> None:
    # Abdi is a name of its own unless an article follows (Abdi al-Rahman).
    assert shape("Abu Abdi Ali")[0] == ("abu abdi", Role.KUNYA)


def test_dhu_and_its_name_are_one_word() -> None:
    # ذو الفقار (Dhu al-Fiqar) is the one name Zulfiqar, as Urdu writes it: ذوالفقار.
    assert [p.core for p in parts("ذو الفقار علي")] == ["ذوالفقار", "علي"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Abdollahpour", [("abd allah", COMPOUND), ("pour", NAME)]),
        ("Abdolrahimzadeh", [("abd rahim", COMPOUND), ("zadeh", NAME)]),
        ("Abdolhosseinnejad", [("abd hossein", COMPOUND), ("nejad", NAME)]),
    ],
)
def test_a_persian_surname_suffix_is_split_off_an_abd_compound(
    name: str, expected: list[Any]
) -> None:
    # The word then reads as it does written apart (Abdollah-Pour, Abdolrahim Zadeh).
    assert shape(name) == expected
    assert shape(name.replace("pour", "-pour").replace("zadeh", " zadeh")) == expected


def test_abdul_and_a_name_starting_like_allah_stay_apart() -> None:
    assert shape("Abdullatif Khan")[0] == ("abd latif", Role.COMPOUND)
    assert shape("Abdulali Khan")[0] == ("abd ali", Role.COMPOUND)


@pytest.mark.parametrize(
    ("name", "core"), [("ESSAADI", "al-saadi"), ("Ettayeb", "al-tayeb"), ("Ennahdi", "al-nahdi")]
)
def test_an_article_assimilated_into_the_word_is_split_off(name: str, core: str) -> None:
    assert shape(name) == [(core, Role.NISBA)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # The article written a-, as transliterations from Hebrew write it.
        ("SAFI A-DIN, Hashem", [("safi al-din", COMPOUND), ("hashem", NAME)]),
        ("Abd a-Rahman", [("abd al-rahman", COMPOUND)]),
        # An initial and a short Korean syllable are not articles.
        ("Ahmad A Khan", [("ahmad", NAME), ("a", NAME), ("khan", NAME)]),
        ("Kim A-ra", [("kim", NAME), ("a", NAME), ("ra", NAME)]),
    ],
)
def test_the_article_written_with_a_hyphen_as_a_is_the_article(
    name: str, expected: list[tuple[str, Role]]
) -> None:
    assert shape(name) == expected


def test_words_starting_with_a_and_a_double_letter_keep_it() -> None:
    # Azzawi and Assaf begin with an ayn, not an article.
    assert shape("Azzawi") == [("azzawi", Role.NAME)]


def test_an_abd_written_onto_the_name_before_it_joins_the_next_compound() -> None:
    assert shape("نظر محمدعبد البصير") == [
        ("نظر", Role.NAME),
        ("محمد", Role.NAME),
        ("abd al-بصير", Role.COMPOUND),
    ]


def test_amir_before_a_single_compound_is_a_name_not_a_title() -> None:
    assert shape("Amir Abdullah") == [("amir", Role.NAME), ("abd allah", Role.COMPOUND)]
    assert shape("امیر عبد الله")[0][1] is Role.NAME
    assert shape("Sayyid Ali Hussein")[0] == ("sayyid", Role.TITLE)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Igor Nikolayevich Bezler", [("igor", NAME), ("nikolayevich", NASAB), ("bezler", NAME)]),
        ("Lidia Egorovna Kim", [("lidia", NAME), ("egorovna", NASAB), ("kim", NAME)]),
        ("Bezler Igor Mykolaiovych", [("bezler", NAME), ("igor", NAME),
                                      ("mykolaiovych", NASAB)]),
        ("Mehmet Ahmetoglu", [("mehmet", NAME), ("ahmetoglu", NAME)]),  # a Turkish surname
        ("Rustamovich", [("rustamovich", NAME)]),  # a name alone is a name
    ],
)  # fmt: skip
def test_slavic_and_turkic_patronymics_are_nasab(name: str, expected: list[Any]) -> None:
    assert shape(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Fikret Abdulla oglu", [("fikret", NAME), ("bin abd allah", COMPOUND)]),
        ("Almaz Akmat uulu", [("almaz", NAME), ("bin akmat", NASAB)]),
        ("Aigul Bolat kyzy", [("aigul", NAME), ("bin bolat", NASAB)]),
        ("Oglu", [("oglu", NAME)]),  # alone, a word like any other
    ],
)
def test_a_turkic_son_of_after_the_father_s_name_makes_it_the_nasab(
    name: str, expected: list[Any]
) -> None:
    assert shape(name) == expected


def test_a_surname_that_ends_like_a_patronymic_is_a_name() -> None:
    # Before a list's comma, or after the patronymic: Belarusian -evich surnames.
    surname_first = parse_parts(normalize_name("KAZAKEVICH Henadz Arkadzievich"), 1)
    assert [(p.label, p.role) for p in surname_first] == [
        ("kazakevich", NAME),
        ("henadz", NAME),
        ("arkadzievich", NASAB),
    ]
    assert shape("Vladimir Vasilyevich Rusakevich") == [
        ("vladimir", NAME),
        ("vasilyevich", NASAB),
        ("rusakevich", NAME),
    ]


@pytest.mark.parametrize(
    "name", ["DELOS REYES, Feliciano Semborio, Jr.", "فلسيانو سمبوريو ديلوس رييس الإبن"]
)
def test_junior_is_a_title_in_both_scripts(name: str) -> None:
    assert shape(name)[-1][1] is TITLE


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ظاهرعويس", ["ظاهر", "عويس"]),  # after ر the missing space cannot be seen
        ("حسنعويس", ["حسنعويس"]),  # ن joins the next letter: the space would show
        ("داود", ["داود"]),  # a name of its own
        ("ظاهرقزز", ["ظاهرقزز"]),  # the second half is no known name
    ],
)
def test_a_space_missing_after_a_non_joining_letter_is_restored(
    word: str, expected: list[str]
) -> None:
    assert split_attached([word]) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Fazlur Rehman", [("fazl", NAME), ("al-rehman", NISBA)]),
        ("Fazl-ur Rehman", [("fazl", NAME), ("al-rehman", NISBA)]),
        ("Ziaul Haq", [("zia", NAME), ("al-haq", NISBA)]),
        ("Mansur Rahman", [("mansur", NAME), ("rahman", NAME)]),  # Mansur is a name whole
        ("Fazlur Khan", [("fazlur", NAME), ("khan", NAME)]),  # ur- is only ever before an r
        ("Enayetul Rahman", [("enayet", NAME), ("al-rahman", NISBA)]),
        # Names that only end like it: the stem is no name and Hazem, Bolat no second element.
        ("Karfoul Hazem", [("karfoul", NAME), ("hazem", NAME)]),
        ("Aigul Bolat", [("aigul", NAME), ("bolat", NAME)]),
    ],
)
def test_an_idafa_article_written_onto_the_first_word_is_split_off(
    name: str, expected: list[Any]
) -> None:
    assert shape(name) == expected


@pytest.mark.parametrize(
    ("word", "stems"),
    [
        ("ihorovych", ("ihor", "ihori", "ihory")),
        ("alexeevich", ("alexe", "alexei", "alexey")),  # Alexei's -i goes before -evich
        ("ivanivna", ("ivan", "ivani", "ivany")),
        ("rustam", ()),  # not a patronymic
        ("ovich", ()),  # too short to be one
    ],
)
def test_a_patronymic_names_the_stems_of_the_father_s_name(
    word: str, stems: tuple[str, ...]
) -> None:
    assert patronymic_stems(word) == stems


def labels_of(words: list[str], surname_words: int) -> list[tuple[str, Role]]:
    return [(p.label, p.role) for p in parse_parts(rejoin_surname_first(words, surname_words))]


@pytest.mark.parametrize(
    ("name", "surname_words", "expected"),
    [
        ("KARIM, Jamil Abdul", 1, [("abd karim", COMPOUND), ("jamil", NAME)]),
        ("ABBAS, Abu", 1, [("abu abbas", KUNYA)]),
        ("MARZUK, Musa Abu", 1, [("abu marzuk", KUNYA), ("musa", NAME)]),
        ("ULLAH, Aman", 1, [("aman allah", COMPOUND)]),
        ("RAHMAN, Umar Abd al", 1, [("abd al-rahman", COMPOUND), ("umar", NAME)]),
        ("AL-RAHMAN, Umar Abd al", 2, [("abd al-rahman", COMPOUND), ("umar", NAME)]),
    ],
)
def test_a_compound_cut_by_the_surname_comma_is_read_whole(
    name: str, surname_words: int, expected: list[Any]
) -> None:
    assert labels_of(normalize_name(name), surname_words) == expected


@pytest.mark.parametrize(
    ("name", "surname_words"),
    [
        ("GARAAD, Mohamed Abdi", 1),  # Abdi is a Somali name of its own
        ("HASSAN, Ali", 1),
        ("Abdul Karim", 0),  # no comma: nothing to undo
        ("ABDUL", 1),  # a surname alone
    ],
)
def test_names_not_cut_by_the_comma_are_left_as_they_are(name: str, surname_words: int) -> None:
    words = normalize_name(name)
    assert rejoin_surname_first(words, surname_words) == words


@pytest.mark.parametrize(
    ("name", "surname_words", "expected"),
    [
        ("SHEIKH, Muhammad Naeem", 1, [("sheikh", NAME), ("muhammad", NAME), ("naeem", NAME)]),
        ("HAJI, Ali", 1, [("haji", NAME), ("ali", NAME)]),
        ("Sheikh Muhammad Naeem", 0, [("sheikh", TITLE), ("muhammad", NAME), ("naeem", NAME)]),
    ],
)
def test_a_title_alone_before_the_comma_is_a_surname(
    name: str, surname_words: int, expected: list[Any]
) -> None:
    parsed = parse_parts(normalize_name(name), surname_words)
    assert [(p.label, p.role) for p in parsed] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Abdool Rahman", [("abd rahman", COMPOUND)]),
        ("Aabdul Baqi", [("abd baqi", COMPOUND)]),
        ("Aabdelrahman Salim", [("abd rahman", COMPOUND), ("salim", NAME)]),
    ],
)
def test_abd_spelt_with_doubled_letters_or_oo_is_still_abd(name: str, expected: list[Any]) -> None:
    assert [(p.label, p.role) for p in parts(name)] == expected


def test_a_doubled_abd_opens_a_surname_cut_by_the_comma() -> None:
    words = normalize_name("HADI, Abdool")
    assert parse_parts(rejoin_surname_first(words, 1))[0].label == "abd hadi"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("عبد حميد محمود", [("عبد", NAME), ("حميد", NAME), ("محمود", NAME)]),
        ("عبد الرحمن", [("abd al-رحمن", COMPOUND)]),
        ("عبد ربه", [("abd ربه", COMPOUND)]),
        ("عبدفتاح", [("abd al-فتاح", COMPOUND)]),
    ],
)
def test_arabic_abd_before_a_bare_name_is_the_name_abid(name: str, expected: list[Any]) -> None:
    # Arabic script writes the article in an abd- compound, except in Abd Rabbuh; written
    # onto عبد it may be left out.
    assert [(p.label, p.role) for p in parts(name)] == expected


@pytest.mark.parametrize("text", ["محمد السيد", "Mohamed El Sayed", "MOHAMED AL-SAYED"])
def test_el_sayed_after_a_name_is_a_family_name_in_either_script(text: str) -> None:
    # السيد is the article and سيد, as El Sayed is: a title only before two names or more.
    assert [p.role for p in parts(text)] == [NAME, NISBA]


@pytest.mark.parametrize(
    ("name", "surname_words", "expected"),
    [
        ("Khalid Sheikh Mohammed", 0, [("khalid", NAME), ("sheikh", NAME), ("mohammed", NAME)]),
        ("MOHAMMED, Khalid Shaikh", 1, [("mohammed", NAME), ("khalid", NAME), ("shaikh", NAME)]),
        ("Hassan Sheikh Mohamud", 0, [("hassan", NAME), ("sheikh", NAME), ("mohamud", NAME)]),
        ("Ali Haji Hassan", 0, [("ali", NAME), ("haji", NAME), ("hassan", NAME)]),
        ("خالد شيخ محمد", 0, [("خالد", NAME), ("شيخ", NAME), ("محمد", NAME)]),
        # Before the given names they are still titles, after a comma too.
        ("Sheikh Ahmed Yassin", 0, [("sheikh", TITLE), ("ahmed", NAME), ("yassin", NAME)]),
        ("YASSIN, Sheikh Ahmed", 1, [("yassin", NAME), ("sheikh", TITLE), ("ahmed", NAME)]),
        ("AL-BAGHDADI, Sheikh Ibrahim", 1, [("al-baghdadi", NISBA), ("sheikh", TITLE),
                                            ("ibrahim", NAME)]),
        # Other titles stay titles wherever they are.
        ("Ayman Dr. al-Zawahiri", 0, [("ayman", NAME), ("dr", TITLE), ("al-zawahiri", NISBA)]),
    ],
)  # fmt: skip
def test_sheikh_or_haji_after_a_given_name_is_a_name(
    name: str, surname_words: int, expected: list[Any]
) -> None:
    parsed = parse_parts(normalize_name(name), surname_words)
    assert [(p.label, p.role) for p in parsed] == expected
