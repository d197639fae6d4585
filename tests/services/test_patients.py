"""Finding patients: names in any script without accents, phones in any format, e-mail; likely duplicates."""

from __future__ import annotations

from datetime import date

import pytest

from dermadesk.domain.errors import DermaDeskError, ErrorCode
from dermadesk.domain.patients import Patient
from dermadesk.services.workspace import Services


@pytest.fixture
def clinic(services: Services) -> dict[str, int]:
    people = {
        "zoe": Patient("Zoë", "Ångström", phone="07700 900123", email="Zoe.A@example.com"),
        "lukasz": Patient("Łukasz", "Wójcik", phone="+48 512 345 678"),
        "olga": Patient("Ольга", "Смирнова"),
        "wang": Patient("芳", "王", name_latin="Wang Fang"),
        "sofia": Patient("Σοφία", "Παπαδοπούλου"),
    }
    return {key: services.patients.register(p).id for key, p in people.items()}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("zoe", "zoe"),
        ("ZOË", "zoe"),
        ("angst", "zoe"),
        ("zoe ang", "zoe"),
        ("lukasz", "lukasz"),
        ("wojc", "lukasz"),
        ("ольга", "olga"),
        ("смир", "olga"),
        ("王", "wang"),
        ("王芳", "wang"),
        ("wang", "wang"),
        ("fang", "wang"),
        ("σοφια", "sofia"),
        ("+44 7700-900123", "zoe"),
        ("07700900123", "zoe"),
        ("7700 900", "zoe"),
        ("0048512345678", "lukasz"),
        ("zoe.a@example.com", "zoe"),
        ("ZOE.A@", "zoe"),
    ],
)
def test_search_finds(services: Services, clinic: dict[str, int], query: str, who: str) -> None:
    assert services.patients.search(query) == [clinic[who]]


def test_search_needs_every_word(services: Services, clinic: dict[str, int]) -> None:
    assert services.patients.search("zoe wojcik") == []
    assert services.patients.search("   ") == []


def test_duplicates_by_phone_email_and_similar_name(services: Services, clinic: dict[str, int]) -> None:
    by_phone = services.patients.likely_duplicates(Patient("Z", "A", phone="+447700900123"))
    by_email = services.patients.likely_duplicates(Patient("Someone", "Else", email="zoe.a@EXAMPLE.com"))
    by_name = services.patients.likely_duplicates(Patient("Zoe", "Angstrom"))
    assert [p.id for p in by_phone] == [clinic["zoe"]]
    assert [p.id for p in by_email] == [clinic["zoe"]]
    assert [p.id for p in by_name] == [clinic["zoe"]]
    assert services.patients.likely_duplicates(Patient("Maria", "Garcia")) == []


def test_bad_input_names_each_field(services: Services) -> None:
    with pytest.raises(DermaDeskError) as caught:
        services.patients.register(
            Patient("", "", phone="12", email="not-an-email", date_of_birth=date(2090, 1, 1), skin_type=9)
        )
    assert caught.value.code is ErrorCode.INVALID_FIELD
    fields = {p.field for p in caught.value.problems}
    assert fields == {"family_name", "phone", "email", "date_of_birth", "skin_type"}
    assert services.patients.count() == 0, "nothing half-written"


def test_phone_is_stored_in_e164(services: Services) -> None:
    saved = services.patients.register(Patient("Ada", "Lovelace", phone="020 7946 0018"))
    assert saved.phone == "+442079460018"


@pytest.mark.parametrize(
    ("query", "also_wangari"),
    [("wangfang", False), ("wang fang", False), ("Fang", False), ("fangwang", False), ("王芳", False), ("WANG", True)],
)
def test_pinyin_search_finds_a_chinese_name(services: Services, query: str, also_wangari: bool) -> None:
    wang = services.patients.register(Patient("芳", "王"))
    wangari = services.patients.register(Patient("Fanny", "Wangari"))
    assert wang.name_latin == "Wang Fang"  # derived when the form left it empty
    assert set(services.patients.search(query)) == ({wang.id, wangari.id} if also_wangari else {wang.id})


def test_a_romanised_name_typed_by_the_user_is_kept(services: Services) -> None:
    saved = services.patients.register(Patient("芳", "王", name_latin="Fiona Wong"))
    assert saved.name_latin == "Fiona Wong"
    assert services.patients.search("fiona") == [saved.id] == services.patients.search("wangfang")


def test_renaming_a_chinese_patient_renews_a_derived_pinyin_but_not_a_typed_one(services: Services) -> None:
    import dataclasses

    derived = services.patients.register(Patient("芳", "王"))
    renamed = services.patients.update(dataclasses.replace(derived, given_name="丽"))
    assert renamed.name_latin == "Wang Li" and services.patients.search("wangli") == [renamed.id]
    assert services.patients.search("wangfang") == []
    typed = services.patients.register(Patient("伟", "张", name_latin="David Cheung"))
    assert services.patients.update(dataclasses.replace(typed, given_name="强")).name_latin == "David Cheung"
