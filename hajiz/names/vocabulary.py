"""The closed vocabulary of Arabic name structure: particles, compounds and titles, in both scripts.

Every entry is a normalised word (see `normalize.normalize_word`). These are facts of Arabic
naming, not tuned values: the article and its sun-letter assimilations, the nasab and kunya
particles with their common Latin spellings, and honorifics that are not part of a name.
"""

from __future__ import annotations

# The definite article, and its assimilated forms before sun letters (ad-Din, ar-Rahman, as-Sayyid).
ARTICLES = frozenset(
    {"al", "el", "ul", "il", "ol", "ad", "ar", "as", "at", "az", "an", "ash", "adh", "ath",
     "ed", "er", "es", "et", "ez", "en", "ud", "ur", "us", "ut", "uz", "un", "ال"}
)  # fmt: skip

# Assimilated forms are ambiguous with real words ("an", "as"); trust them only before another word.
AMBIGUOUS_ARTICLES = frozenset({"an", "as", "at", "en", "es", "et", "un", "us", "il", "ol"})

# "son/daughter of": the nasab chain.
NASAB = {
    "bin": "bin", "ibn": "bin", "ben": "bin", "bn": "bin", "b": "bin", "ibni": "bin",
    "bint": "bint", "binti": "bint", "bent": "bint",
    "ould": "bin", "wuld": "bin", "walad": "bin", "uld": "bin",
    "بن": "bin", "ابن": "bin", "بنت": "bint", "ولد": "bin",
}  # fmt: skip

# "father/mother of": the kunya.
KUNYA = {
    "abu": "abu", "abou": "abu", "abo": "abu", "aboo": "abu", "abi": "abu", "bou": "abu",
    "bu": "abu", "ebu": "abu",
    "umm": "umm", "um": "umm", "oum": "umm", "om": "umm", "omm": "umm",
    "ابو": "abu", "ابي": "abu", "ابا": "abu", "بو": "abu", "ام": "umm",
}  # fmt: skip
# Abu with the article written onto it: Persian Abol- (Abolfazl, Abolghasem), Abul-, Aboul-.
KUNYA_WITH_ARTICLE = ("aboul", "abul", "abol")

# "servant of": first element of the abd-compounds (Abd al-Rahman, Abdullah, Abdurrahman).
ABD = frozenset(
    {"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdil", "abdu", "abdo", "abdi", "abdur",
     "abdar", "abder", "abdas", "abdus", "abdes", "abdun", "abdon", "abed", "abid", "عبد"}
)  # fmt: skip

# Spellings of abd that are also names in their own right (Abid = عابد): abd only before al-.
AMBIGUOUS_ABD = frozenset({"abid", "abed", "abdi", "abdo", "abdu"})

# Second elements written after the article: X al-Din ("of the faith") and X Allah.
DIN = frozenset({"din", "deen", "dine", "dinne", "dean", "dyn", "دين"})
ALLAH = frozenset(
    {"allah", "alla", "ullah", "ulla", "illah", "ollah", "lah", "llah", "الله", "لله"}
)

# Honorifics and ranks set aside before matching: they are not part of the person's name.
# (The Arabic ones that are also names are listed without the article: السيد is al + سيد, and
# "El Sayed" after a name is a family name in either script.)
TITLES = frozenset(
    {"sheikh", "shaikh", "shaykh", "sheik", "shaik", "cheikh", "cheik", "sheykh", "sh",
     "mullah", "mulla", "molla", "mollah", "mulah",
     "haji", "hajji", "hadji", "hajj", "haj", "hadj", "alhaj", "alhajj", "alhaji",
     "dr", "doctor", "prof", "professor", "eng", "engineer", "mr", "mrs", "ms", "miss",
     "sayyid", "sayyed", "seyyed", "syed", "sayed", "seyed", "sayyida", "sharif",
     "imam", "emir", "amir", "maulana", "mawlana", "maulvi", "mawlawi", "maulawi", "moulvi",
     "mawlavi", "qari", "qazi", "ustadh", "ustad", "ustaz", "ustadz", "hafiz", "mufti", "sultan",
     "jr", "junior", "sr", "senior", "الابن",
     "general", "gen", "colonel", "col", "major", "maj", "captain", "capt", "brigadier",
     "commander", "lieutenant", "lt", "sgt", "sergeant", "prince", "princess", "king",
     "الشيخ", "شيخ", "الحاج", "حاج", "الدكتور", "دكتور", "د", "ملا", "مولوي",
     "سيد", "امير", "امام", "المفتي", "مفتي", "المولوي",
     "مولانا", "الملا", "القاري", "قاري", "الاستاذ", "استاذ", "المهندس", "مهندس"}
)  # fmt: skip

# Titles that are names when they follow a given name: Khalid Sheikh Mohammed, Hassan Sheikh
# Mohamud, Omar Saeed Sheikh, Ali Haji Hassan. Before the given names they are titles.
NAMES_AFTER_A_NAME = frozenset(
    {"sheikh", "shaikh", "shaykh", "sheik", "shaik", "cheikh", "cheik", "sheykh",
     "haji", "hajji", "hadji", "شيخ", "حاج"}
)  # fmt: skip
# Titles that are also common given names: set aside only when more than one other word remains
# and they come first (Sayyid Ali vs. Sayyid as a name).
TITLES_ALSO_NAMES = frozenset(
    {"sayyid", "sayyed", "seyyed", "syed", "sayed", "seyed", "sharif", "amir", "emir", "hafiz",
     "sultan",
     "imam", "qazi", "امير", "سيد", "امام"}
)  # fmt: skip

# Endings of East Slavic patronymics ("son/daughter of"): Petrovich, Petrovna, Mykolaiovych.
# They play the nasab's part in the name. (Attached Turkish -oglu makes a surname: not here.)
PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna")
# Shorter than this, such an ending is more likely the whole of a short name.
MIN_PATRONYMIC = 7
# Second elements of idafa compounds written with the article on the first word (Ziaul Haq,
# Fazlur Rehman, Shamsul Alam, Enayetul Rahman): mostly names of God and words of the faith.
IDAFA_SECOND_ELEMENTS = frozenset(
    {"haq", "hak", "huq", "haque", "hoque", "hoq", "rahman", "rehman", "rahim", "islam", "alam",
     "din", "deen", "huda", "nabi", "amin", "ameen", "karim", "kareem", "bari", "mulk", "hassan",
     "hasan", "hussain", "husain", "quddus", "qadir", "qader", "abidin", "abideen", "jabbar",
     "ghani", "aziz", "azim", "majid", "latif", "wahid", "hadi", "khair", "kabir", "mannan",
     "zaman", "hakim", "momin", "mumin"}
)  # fmt: skip

# Turkic "son/daughter of", written after the father's name (Azerbaijani Fikret Abdulla oglu,
# Kyrgyz Almaz Akmat uulu, Kazakh uly and kyzy).
TURKIC_PATRONYMIC_MARKERS = frozenset(
    {"oglu", "ogly", "ogli", "oghlu", "uulu", "uly", "kyzy", "kizi", "qizi", "gizi", "kyzi"}
)

# Muhammad as documents abbreviate it (Malaysian Mohd, Bangladeshi Md, Syrian Mhd), and regional
# forms of common names that the name data lacks: Chad's Mahamat, Indonesian Mochammad, and the
# West African forms with a final vowel (Ibrahima, Amadou, Fatoumata, Hausa Muhammadu). Each is
# read as the name too.
MUHAMMAD = "muhammad"
_MUHAMMAD_SPELLINGS = (
    "md", "mohd", "muhd", "mhd", "mhmd", "mohmad", "mahamat", "mahamed", "mahomed",
    "mochammad", "mochamad", "muchammad", "muchamad", "moehammad",
    "mahamadou", "mohamadou", "mouhamadou", "muhammadu",
)  # fmt: skip
REGIONAL_SPELLINGS: dict[str, str] = {
    **dict.fromkeys(_MUHAMMAD_SPELLINGS, MUHAMMAD),
    "ibrahima": "ibrahim", "brahima": "ibrahim", "idrissa": "idris", "drissa": "idris",
    "ismaila": "ismail", "adama": "adam", "aliou": "ali", "alioune": "ali",
    "amadou": "ahmad", "ahmadou": "ahmad", "oumarou": "umar",
    "fatoumata": "fatima", "aminata": "amina", "kadiatou": "khadija", "kadiatu": "khadija",
    "aissatou": "aisha", "mariama": "maryam",
    "mamoudou": "mahmud", "saidou": "said", "boureima": "ibrahim",
    "tidiane": "tijani", "tidjane": "tijani",
    # Maghrebi forms that drop the first vowel.
    "slimane": "sulayman",
}  # fmt: skip

# Words that start with the Arabic article letters but are not article + noun.
ARABIC_NOT_ARTICLE = frozenset({"الله", "الياس", "الهام", "الفت", "الماس", "الان"})
