"""Pinyin for Chinese names: the romanised name, the forms a Latin keyboard types, and sorting by sound."""

from __future__ import annotations

from dermadesk.system.pinyin_names import has_han, latin_name, search_forms, sort_key


def test_a_chinese_name_reads_family_name_first_in_pinyin() -> None:
    assert latin_name("芳", "王") == "Wang Fang"
    assert latin_name("娜娜", "欧阳") == "Ouyang Nana"
    assert latin_name("Zoë", "Wójcik") == ""  # nothing to romanise


def test_surnames_read_as_surnames() -> None:
    assert latin_name("雄信", "单") == "Shan Xiongxin"  # not "dan", as in 简单
    assert latin_name("小明", "曾") == "Zeng Xiaoming"  # not "ceng"


def test_every_form_a_receptionist_types() -> None:
    forms = search_forms("小明", "王")
    assert {"wang", "xiao", "ming", "xiaoming", "wangxiaoming", "xiaomingwang"} <= set(forms)
    assert "lu" in search_forms("丽", "吕") and "lv" in search_forms("丽", "吕")  # ü typed either way


def test_chinese_names_sort_among_latin_ones_by_sound() -> None:
    names = ["Webb", "王芳", "Walker", "张伟", "Young"]
    assert sorted(names, key=sort_key) == ["Walker", "王芳", "Webb", "Young", "张伟"]
    assert has_han("王") and not has_han("Wang")
