"""The packaged name lexicon (hajiz/names/lexicon.py) and its builder (scripts/build_lexicon.py).

The builder runs here on a small cut of the three real data sets (tests/fixtures/names/data),
so these tests need neither the real data nor the network.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import orjson
import pytest

from hajiz.errors import ConfigError
from hajiz.names.lexicon import DATA_FILE, DATA_PACKAGE, Lexicon, load_lexicon, read_lexicon

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "names" / "data"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_load_is_cached(lexicon: Lexicon) -> None:
    assert load_lexicon() is lexicon
    assert len(lexicon) > 100_000
    assert lexicon.group_count > 10_000


def test_data_file_is_compact() -> None:
    from importlib import resources

    size = len(resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes())
    assert size < 4_000_000


def test_muhammad_variants(lexicon: Lexicon) -> None:
    assert {"mohammed", "mohamed", "mohamad", "muhammad"} <= lexicon.variants("muhammad")
    assert lexicon.are_variants("mohamed", "muhammad")
    assert lexicon.are_variants("محمد", "mohammed")


def test_romanizations_of_muhammad(lexicon: Lexicon) -> None:
    spellings = lexicon.romanizations("محمد")
    assert spellings[0] in {"mohammed", "muhammad"}
    assert {"muhammad", "mohammed", "mohamed"} <= set(spellings)


def test_romanizations_come_with_counts(lexicon: Lexicon) -> None:
    counted = lexicon.romanization_counts("محمد")
    assert tuple(s for s, _ in counted) == lexicon.romanizations("محمد")
    counts = [c for _, c in counted]
    assert counts == sorted(counts, reverse=True) and counts[0] > 100


def test_hassan_is_not_hussein(lexicon: Lexicon) -> None:
    assert "hassan" in lexicon.romanizations("حسن")
    assert "hussein" not in lexicon.romanizations("حسن")
    assert "hussein" in lexicon.romanizations("حسين")
    assert not lexicon.are_variants("hassan", "hussein")
    assert not lexicon.group_ids("hassan") & lexicon.group_ids("hussein")


def test_omar_is_not_amr(lexicon: Lexicon) -> None:
    # عمر and عمرو differ by a silent waw; the groups keep Omar and Amr apart.
    assert lexicon.are_variants("omar", "umar")
    assert not lexicon.are_variants("omar", "amr")


def test_frequency_orders_common_and_rare_names(lexicon: Lexicon) -> None:
    assert lexicon.frequency("muhammad") > lexicon.frequency("baghdadi") > 0.0
    assert lexicon.frequency("ali") > lexicon.frequency("zarqawi")
    assert 0.0 < lexicon.frequency("muhammad") < 1.0
    assert lexicon.frequency("qwxzqwxz") == 0.0


def test_rare_spelling_of_common_name_counts_as_common(lexicon: Lexicon) -> None:
    assert lexicon.frequency("mamadou") >= lexicon.frequency("محمد") > 0.0


def test_group_ids_link_scripts(lexicon: Lexicon) -> None:
    assert lexicon.group_ids("بغدادي") & lexicon.group_ids("baghdadi")
    assert lexicon.group_ids("qwxzqwxz") == frozenset()


def test_arabic_article_is_looked_through(lexicon: Lexicon) -> None:
    assert lexicon.frequency("البغدادي") == lexicon.frequency("بغدادي") > 0.0
    assert lexicon.group_ids("البغدادي") == lexicon.group_ids("بغدادي") != frozenset()


def test_arabic_forms(lexicon: Lexicon) -> None:
    assert lexicon.arabic_forms("muhammad")[0] == "محمد"
    assert "حسين" in lexicon.arabic_forms("hussein")
    assert lexicon.arabic_forms("qwxzqwxz") == ()


def test_unknown_word_is_its_own_variant(lexicon: Lexicon) -> None:
    assert lexicon.variants("qwxzqwxz") == frozenset({"qwxzqwxz"})
    assert lexicon.are_variants("qwxzqwxz", "qwxzqwxz")
    assert lexicon.romanizations("ققققق") == ()


def test_compounds_are_looked_up_joined(lexicon: Lexicon) -> None:
    assert {"abdullah", "abdallah"} <= set(lexicon.romanizations("عبدالله"))


def test_wrong_format_is_refused() -> None:
    with pytest.raises(ConfigError, match="format"):
        Lexicon({"format": 0})


# ------------------------------------------------------------------------------ builder


def load_script(name: str) -> ModuleType:
    """A script under scripts/ as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return load_script("build_lexicon")


@pytest.fixture(scope="module")
def small(builder: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    out = tmp_path_factory.mktemp("lexicon") / "lexicon.json.gz"
    builder.write(builder.build(FIXTURE_DATA), out)
    return read_lexicon(out.read_bytes())


def test_build_is_deterministic(builder: ModuleType, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    builder.write(builder.build(FIXTURE_DATA), first)
    builder.write(builder.build(FIXTURE_DATA), second)
    assert first.read_bytes() == second.read_bytes()


def test_build_leaves_out_heldout_groups(builder: ModuleType, small: Lexicon) -> None:
    # Q102109320 (orwa, عروة) hashes into the held-out tenth.
    assert builder.is_heldout_group("Q102109320")
    assert "orwa" not in small
    assert "عروه" not in small
    assert not builder.is_heldout_group("Q16276444")
    assert "hasszan" in small  # from the (training) Hasan group


def test_groups_sharing_a_cyrillic_form_are_bridged(builder: ModuleType) -> None:
    group = builder.RigourGroup
    oleksiy = group({"oleksiy", "oleksii", "aleksey"}, set(), frozenset({"aleksey"}))
    alexei = group({"alexei", "aleksei", "aleksey"}, set(), frozenset({"aleksey"}))
    # Ukrainian h for Russian g: Ihor and Igor meet through игорь.
    ihor = group({"ihor", "igor"}, set(), frozenset({"igor"}))
    igor = group({"igor", "ygor"}, set(), frozenset({"igor"}))
    alone = group({"olga", "olya"}, set(), frozenset({"olga"}))
    bridged = list(builder.bridge_groups([oleksiy, alexei, ihor, igor, alone]))
    assert {"oleksiy", "alexei", "aleksey", "aleksei", "oleksii"} in bridged
    assert {"ihor", "igor", "ygor"} in bridged
    assert not any("olga" in b for b in bridged)  # one group has nothing to bridge


def test_a_short_or_widely_shared_cyrillic_form_bridges_nothing(builder: ModuleType) -> None:
    group = builder.RigourGroup
    short = [group({"yan", name}, set(), frozenset({"yan"})) for name in ("jan", "ian")]
    assert list(builder.bridge_groups(short)) == []
    crowd = [
        group({"maria", f"maria{i}"}, set(), frozenset({"maria"}))
        for i in range(builder.MAX_BRIDGED_GROUPS + 1)
    ]
    assert list(builder.bridge_groups(crowd)) == []


def test_build_filters_noise(small: Lexicon) -> None:
    # Seen once, consonants far apart: an alignment slip of the source, not a spelling.
    assert "the" not in small.romanizations("ادواردز")
    # Seen 18 times, but عبد has no l: a compound cut in two, not a spelling of عبد.
    assert "abdullah" not in small.romanizations("عبد")
    # The Wikidata item for Alison lists "ali": dropped from that group, its consonants differ.
    assert "alison" not in small.variants("ali")


def test_build_keeps_names_apart(small: Lexicon) -> None:
    assert small.are_variants("hassan", "hasan")
    assert not small.are_variants("hassan", "hussein")
    assert small.romanizations("حسن")[0] == "hassan"
    assert small.frequency("muhammad") > small.frequency("jamal") > 0.0


def test_build_strips_the_article(small: Lexicon) -> None:
    # ar2en pair القاسم / qasim: stored under the article-less Arabic form.
    assert "qasim" in small.romanizations("قاسم")


def test_build_learns_vowel_patterns(small: Lexicon) -> None:
    # حسين / hussein: consonants C C ي C with the vowels u, ei (s doubled).
    assert small.vowel_patterns("CCيC")


# ------------------------------------------------------- the lexicon without its names


def test_withholding_the_names_keeps_frequencies_and_vowel_patterns() -> None:
    # scripts/eval_unknown_names.py measures the engine on names the lexicon does not know.
    module = load_script("eval_unknown_names")
    raw = gzip.decompress(resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes())
    full, stripped = load_lexicon(), Lexicon(module.strip_names(orjson.loads(raw)))
    assert full.group_ids("muhammad") and full.romanizations("محمد")
    assert not stripped.group_ids("muhammad") and not stripped.romanizations("محمد")
    assert not stripped.are_variants("mohammed", "muhammad")
    assert stripped.frequency("muhammad") == full.frequency("muhammad") > 0
    assert stripped.vowel_patterns("CاCC") == full.vowel_patterns("CاCC") != ()
