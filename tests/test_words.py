"""i18n: labels in zh and en, and how the language of a run is chosen."""

from __future__ import annotations

import pytest

from plancli.output.language import LangError, pick_lang
from plancli.output.scope import scope_text
from plancli.vocabulary import CLOSED, STATUS_ORDER, STATUSES
from plancli.vocabulary import OPEN as OPEN_STATUSES
from plancli.words import LANGS, html_lang, say, word


@pytest.mark.parametrize(("code", "zh", "en"), [
    ("overdue", "已逾期", "overdue"),
    ("due_soon", "即将到期", "due soon"),
    ("upcoming", "未到期", "upcoming"),
    ("in_progress", "进行中", "in progress"),
    ("done", "已完成", "done"),
    ("met", "已达标", "met"),
    ("missed", "未达标", "missed"),
])
def test_status_labels(code, zh, en):
    assert word(code, "zh") == zh
    assert word(code, "en") == en


def test_every_contract_status_has_a_label_and_an_order():
    # the status codes of the JSON contract are the keys; none may be missing in either language
    assert set(STATUS_ORDER) == set(STATUSES)
    assert set(OPEN_STATUSES) == set(STATUSES) - set(CLOSED)
    for lang in LANGS:
        labels = [word(s, lang) for s in STATUSES]
        assert all(labels) and len(set(labels)) == len(labels)  # distinct, so a chart legend is unambiguous


@pytest.mark.parametrize(("key", "zh"), [
    ("col.item", "编号"), ("col.plan", "计划"), ("col.metric", "指标"), ("col.target", "目标"),
    ("col.deadline", "期限"), ("col.days_left", "剩余天数"), ("col.status", "状态"), ("col.lead", "牵头单位"),
])
def test_column_headings(key, zh):
    assert say(key, "zh") == zh
    assert say(key, "en") and say(key, "en") != zh


def test_unknown_key_and_language():
    with pytest.raises(KeyError):
        say("col.nonsense", "zh")
    with pytest.raises(ValueError, match="no words in language 'fr'"):
        say("status.overdue", "fr")
    assert word(None, "zh") == ""


# environment → language; the first of LC_ALL, LC_MESSAGES, LANG that is set decides
@pytest.mark.parametrize(("env", "lang"), [
    ({}, "en"),                                                   # cron: nothing set
    ({"LANG": "C"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW.Big5"}, "zh"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, "en"),               # LC_ALL overrides LANG
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),                # empty means unset
    ({"LANG": "en_US.UTF-8", "PLANCLI_LANG": "zh"}, "zh"),        # PLANCLI_LANG beats the locale
    ({"PLANCLI_LANG": "zh-CN"}, "zh"),
    ({"PLANCLI_LANG": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
])
def test_pick_lang_from_environment(env, lang):
    assert pick_lang(None, env) == lang


def test_explicit_lang_wins_and_typos_are_errors():
    assert pick_lang("en", {"PLANCLI_LANG": "zh", "LANG": "zh_CN.UTF-8"}) == "en"
    assert pick_lang("ZH", {}) == "zh"
    with pytest.raises(LangError, match="--lang: unknown language 'de'"):
        pick_lang("de", {})
    with pytest.raises(LangError, match="PLANCLI_LANG: unknown language 'chinese'"):
        pick_lang(None, {"PLANCLI_LANG": "chinese"})


def test_html_lang_and_scope():
    assert html_lang("zh") == "zh-CN" and html_lang("en") == "en"
    assert scope_text([], [], "zh") == "全部单位 · 全部计划"
    assert scope_text(["省大数据局", "省科技厅"], ["数字变革"], "zh") == "省大数据局、省科技厅 · 数字变革"
    assert scope_text(["省大数据局"], [], "en") == "省大数据局 · all plans"


def test_filter_scope_names_units_documents_and_plans():
    from plancli.output.scope import filter_scope
    from plancli.query.filters import Filters
    from plancli.workspace import open_workspace

    reg = open_workspace().registry
    assert filter_scope(reg, Filters(), "zh") == "全部单位 · 全部计划"
    f = Filters(units=["省大数据局"], plans=["szbg", "kjyf"], docs=["lzf2024-5"])
    assert filter_scope(reg, f, "zh") == "省大数据局 · 鲁政发〔2024〕5号、数字变革、科技研发"
    assert filter_scope(reg, f, "en") == "省大数据局 · 鲁政发〔2024〕5号, 数字变革, 科技研发"


def test_visible_may_trust_isprintable():
    """``visible`` returns a printable text untouched without its pattern: that holds only while every
    character the pattern writes out is one Python calls unprintable."""
    import re

    from plancli.words import _UNSHOWABLE_CLASS, visible

    pattern = re.compile(_UNSHOWABLE_CLASS)
    assert [hex(c) for c in range(0x110000) if pattern.match(chr(c)) and chr(c).isprintable()] == []
    assert visible("已达标\x1b[2J") == "已达标\\x1b[2J" and visible("进行中") == "进行中"
    assert visible("第一行\n第二行\u202e") == "第一行\n第二行\\u202e"


def test_the_index_of_areas_places_every_code():
    """say() reads only the areas a code's prefix lists (a JSON listing need not import the whole
    catalogue): the index must list, for every prefix, exactly the areas that define codes of it."""
    import importlib
    import os

    import plancli.words as w

    want: dict[str, list[str]] = {}
    folder = os.path.dirname(w.__file__)
    for area in sorted(n[:-3] for n in os.listdir(folder) if n.endswith(".py") and n[0] != "_"):
        for code in importlib.import_module(f"plancli.words.{area}").WORDS:
            areas = want.setdefault(code.split(".", 1)[0], [])
            if area not in areas:
                areas.append(area)
    assert {k: list(v) for k, v in w._AREAS_OF.items()} == want  # noqa: SLF001
    whole = dict(w.catalogue())
    saved = w._WORDS  # noqa: SLF001
    try:
        w._WORDS = None  # as a run starts: nothing read yet  # noqa: SLF001
        w._AREA_WORDS.clear()  # noqa: SLF001
        assert all(w._entry(code) == pair for code, pair in whole.items())  # noqa: SLF001
        assert w._entry("reason.no_such_reason") is None and w._WORDS is None  # noqa: SLF001
    finally:
        w._WORDS = saved  # noqa: SLF001
