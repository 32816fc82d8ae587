"""Quantities as plans write them, normalised to a number in plain units; target phrases with their
comparator words; and numbers that are not targets.

``parse_value`` reads a bare quantity (the registry's ``value_text``): ``3.5 万家`` → 35000 家,
``2.2万亿元`` → 2.2e12 元, ``10%`` → 10 %, ``3—5 家`` → 3…5 家, ``2×30万千瓦`` → 600000 千瓦,
``717.7万千瓦``, ``1.2e4``, ``千万千瓦`` (Chinese numerals), ``倍增`` → 2 倍, ``1/8`` → 12.5 % (a share of a whole), ``12/10万`` → 12 /10万 (a rate per so many). The multiplier (万, 亿, 万亿,
千万, 百万, 千亿, 百亿) is folded into the number; what remains is the unit (千瓦, 元, 微克/立方米,
蒸吨/小时, 个工作日, 个百分点, 人次, 平方米/人 …).

Traditional forms (萬, 億, 個, 達到, 以內) read as their simplified forms.

``parse_target`` reads a target phrase *with* its comparator words, the way docs/registry-format.md
assigns comparators, and returns a ``Target`` with one ``TargetValue`` per number:

=====================================================  ===========  ==========================
phrase                                                 comparator   values
=====================================================  ===========  ==========================
1200万人以上, 不低于55%, 不少于, 至少, 达到95%以上,       ``>=``       12000000 人; 55 %; 95 %
100家及以上
超600亿元, 超过, 突破3.5万家, 高于, 大于, 逾, 过千亿,      ``>``        6e10 元; 35000 家; 1e11
双破千, 100多家, 3万余人
控制在5.5%以内, 不超过, 以下, 不高于, 降至…以下,          ``<=``       5.5 %; 1.7; 0.5 个工作日
缩小到1.7以内, 压缩至0.5个工作日
低于, 少于                                             ``<``
增长5%左右, 约, 上下, 近                                ``~``        5 %
3—5家, 3至5家, 1~2个                                   ``range``    3 … 5 家
增长6.2%, 达到80%, 新增城镇就业3.2万人 (no qualifier)    ``=``        6.2 %; 80 %; 32000 人
翻一番, 翻番, 倍增 / 翻两番                             ``=``        2 倍 / 4 倍
分别超过90%、75%; 分别突破8.5万亿元、13万元             one word     every value, same comparator
分别达到100万辆和150GWh左右                             a trailing 左右/以上 covers the whole list
=====================================================  ===========  ==========================

``not_target_reason(text, start, end)`` says why the number at ``text[start:end]`` is *not* a target
(``None`` if nothing says so); ``is_not_target`` is its boolean form. It recognises a baseline year
(较2023年, 比2020年, 与2020年相比, 以2020年为基数), a name or code (PM2.5, 5G, Ⅲ类, 4A级, “12345”热线,
十四五), a document title (二〇三五年 inside 《…》) or document number (国办发〔2024〕5号), and a
past achievement (已达到95%, 已提前达到, 已翻了一番, 实现了).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..errors import PlancliError
from .numerals import (
    NONZERO,
    NUMERAL_HEAD,
    measure_words,
    multiplier_at,
    numeral_prefix,
    read_numeral,
    simplified,
)
from .source import lazy_re, squeeze

__all__ = ["FANG_VOLUME", "QuantityError", "Quantity", "parse_value", "NUMBER", "SHARE", "RANGE_SEP", "tidy", "COMPARATORS", "TargetValue", "Target",
           "parse_target", "not_target_reason", "is_not_target"]


class QuantityError(PlancliError, ValueError):
    """A quantity that cannot be read or converted."""


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    value_max: float | None = None


NUMBER = r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
RANGE_SEP = r"[—–\-~～至到]+"
_TRAILING_WORDS = lazy_re(r"(?:以上|以下|以内|左右|上下|多|余)+$")
#: A share written in words: 一半, 半数, 两成, 三分之一 (a percentage, ``parse_value`` reads it).
SHARE = rf"一半|半数|[{NONZERO}]成|[{NONZERO}十]分之[{NONZERO}]"


def _plain(text: str) -> str:
    # squeeze, not compact: '*' is a multiplication sign here (2*30万千瓦). NFKC turns ， into ,.
    return simplified(squeeze(str(text)).replace(",", ""))


def _cn_number(s: str) -> tuple[float, str] | None:
    """Longest Chinese-numeral prefix of ``s`` (一千, 两百, 千万, 三十五) → (number, rest); a unit that
    begins with a numeral character (千瓦, 百分点) stays in the rest: 千万千瓦 is 千万 of 千瓦."""
    found = numeral_prefix(s, _UNIT_STARTS)
    if found is None:
        return None
    n, rest = found
    try:
        return float(n), rest
    except OverflowError:  # digits one by one, hundreds of them: out of range, said by the caller
        return math.inf, rest


def _split_multiplier(rest: str) -> tuple[float, str]:
    found = multiplier_at(rest)
    return (found[1], rest[len(found[0]):]) if found else (1.0, rest)


def _cn_share(t: str) -> float | None:
    """A share written in words is a percentage: 一半/半数 50, 两成 20, 三分之一 33.33 (rounded to 2 places)."""
    t = re.sub(r"(?:以上|以下|左右)$", "", t)
    if t in ("一半", "半数"):
        return 50.0
    if not re.fullmatch(SHARE, t):
        return None
    if t.endswith("成"):
        return read_numeral(t[0]) * 10.0
    whole, part = (read_numeral(x) for x in t.split("分之"))
    return round(part * 100.0 / whole, 2) if part < whole else None


def parse_value(text: str) -> Quantity:
    """Read a quantity as written; raise QuantityError when it is not one."""
    if text is None:
        raise QuantityError("quantity.empty")
    t = _plain(text)
    # (前五位: a rank of five or better — the comparator says "or better", the value is the place)
    t = re.sub(r"^(?:约|近|超过|突破|达到|不少于|不低于|至少|前(?=[\d一二两三四五六七八九十]))", "", t)
    if not t:
        raise QuantityError("quantity.empty")
    if t in ("倍增", "翻一番", "翻番"):
        return Quantity(2.0, "倍")
    if t == "零":  # 事故零发生, 零排放: none
        return Quantity(0.0, "")
    share = _cn_share(t)
    if share is not None:
        return Quantity(share, "%")
    frac = re.fullmatch(r"(\d+)[/／](\d+)", t)
    if frac and 0 < int(frac.group(1)) < int(frac.group(2)):
        # 占全市1/8: a share of a whole, in % rounded to 2 places (as 三分之一 is read)
        return Quantity(round(int(frac.group(1)) * 100.0 / int(frac.group(2)), 2), "%")
    ratio = re.fullmatch(rf"({NUMBER})[:：]({NUMBER})", t)
    if ratio and float(ratio.group(2)) > 0:
        # 配置比例不低于1:4, 收入比缩小到1.9:1: so many to one (the bench's and the registry's unit ":1"), 3 places
        return Quantity(tidy(round(float(ratio.group(1)) / float(ratio.group(2)), 3)), ":1")
    rate = re.fullmatch(rf"({NUMBER})[/／](\d*(?:十万|百万|万|千|亿))", t)
    if rate:  # 12/10万: a rate per so many, its base the measure as written (the registry's /10万)
        return Quantity(tidy(float(rate.group(1))), "/" + rate.group(2))
    twice = re.fullmatch(rf"({NUMBER})(\D{{1,4}}?){RANGE_SEP}({NUMBER})\2", t)
    if twice:  # 3家至5家: a range that says its unit twice
        t = f"{twice.group(1)}-{twice.group(3)}{twice.group(2)}"
    m = re.match(rf"({NUMBER})[×xX*]({NUMBER})", t)
    if m:
        low = float(m.group(1)) * float(m.group(2))
        high = None
        rest = t[m.end():]
    else:
        m = re.match(rf"({NUMBER})(?:{RANGE_SEP}({NUMBER}))?", t)
        if m:
            low = float(m.group(1))
            high = float(m.group(2)) if m.group(2) else None
            rest = t[m.end():]
        else:
            cn = _cn_number(t)
            if cn is None:
                raise QuantityError("quantity.not_a_quantity", text=str(text))
            low, rest = cn
            high = None
    factor, unit = _split_multiplier(rest)
    unit = _TRAILING_WORDS.sub("", re.sub(r"^[多余](?=\D)", "", unit))  # 6万余名, 100多家: more than, counted in 名, 家
    if unit.startswith("%") or unit == "％":
        unit = "%"
    # a concentration written in words (29微克每立方米, 潮州's 蓝天 plan): the measure as a slash writes it, one unit for both
    unit = re.sub(r"^(微克|毫克|克)每(立方米|升)$", r"\1/\2", unit)
    unit = "班次" if unit == "个班次" else unit  # 50个班次: classes counted in 班次, 个 a classifier before it
    # (500m², 3000㎡: square and cubic metres as a page writes them, which NFKC reads m2 and m3; the unit as written, as
    # km and MVA are kept)
    unit = {"m2": "m²", "m3": "m³"}.get(unit, unit)
    if re.search(r"\d", unit):
        raise QuantityError("quantity.stray_number", text=str(text), unit=unit)
    low *= factor
    if not math.isfinite(low) or (high is not None and not math.isfinite(high * factor)):
        raise QuantityError("quantity.out_of_range_in", text=str(text))
    if high is not None:
        high *= factor
        if high < low:
            raise QuantityError("quantity.backwards", text=str(text))
    return Quantity(tidy(low), unit, tidy(high) if high is not None else None)


def tidy(x: float) -> float:
    """Round away binary noise (3.5*1e4 = 35000.000000000004); refuse inf and nan."""
    if not math.isfinite(x):
        raise QuantityError("quantity.out_of_range", number=x)
    r = float(f"{x:.12g}")  # 12 significant digits: 76.6 × 1e8 is 7660000000, not 7659999999.999999
    return float(int(r)) if r == int(r) else r


# --------------------------------------------------------------------------- target phrases

COMPARATORS = (">=", ">", "~", "=", "<=", "<", "range")


@dataclass(frozen=True)
class TargetValue:
    """One number of a target phrase: what the registry stores for one entry."""

    comparator: str          # one of COMPARATORS
    value: float             # plain units (万/亿 folded in); the lower bound of a range
    unit: str
    value_max: float | None  # upper bound of a range, else None
    value_text: str          # number, multiplier and unit as written, without spaces: 1200万人, 3—5家, 100多家


@dataclass(frozen=True)
class Target:
    """A target phrase read with its comparator words; ``values`` has one item per number (a list such
    as 分别超过90%、75% gives two). The properties give the first value, for the common one-number case."""

    text: str
    values: tuple[TargetValue, ...]

    @property
    def comparator(self) -> str:
        return self.values[0].comparator

    @property
    def value(self) -> float:
        return self.values[0].value

    @property
    def unit(self) -> str:
        return self.values[0].unit

    @property
    def value_max(self) -> float | None:
        return self.values[0].value_max

    @property
    def value_text(self) -> str:
        return self.values[0].value_text


# Comparator words before a number (docs/registry-format.md: 突破/超过/高于 are ">", 达到/实现 with no
# other qualifier "=", 以内/不超过/降至/控制在 "<="). Single characters (超, 破, 过, 约, 近, 达) only count
# right before the number: 超600亿元, 过千亿, 达80% — elsewhere they are parts of other words.
# (不得少于单位总人数的10%: a bound, as 不少于 — 万盛's 节水 notice, round eighty-one, had read 少于)
_NOT = r"不(?:得|应|能|宜)?"
_BEFORE = [
    (">=", rf"{_NOT}(?:低于|少于|小于)|至少|最少"),
    ("<=", rf"{_NOT}(?:超过|高于|多于|大于)|控制在|降至|降到|降低到|降低至|下降到|下降至|下调到|下调至|压缩至|压缩到|压减至|"
           r"压减到|缩小到|缩小至|缩短至|缩短到|减少到|减少至|减至"),
    ("<", r"低于|少于|小于"),
    (">", r"超过|突破|高于|大于|多于|超出|双破"),
    ("~", r"大约|接近"),
    ("=", r"达到|实现|完成|建成|保持在|稳定在|提高到|提升到|增加到|提高至|提升至|增至"),
]
# (the signs a form writes before a figure: ≥95%, and a page's ASCII >=17600株 — 下马关's 绩效目标, round fifty-five's
# held-out set)
_BEFORE_ADJACENT = [(">=", "≥|>=|＞＝|⩾"), ("<=", "≤|<=|＜＝|⩽"), (">", "超|破|过|逾|(?<![<>＜＞])[>＞]"),
                    ("<", "(?<![<>＜＞])[<＜]"), ("~", "约|近"), ("=", "(?<![<>＜＞])达")]
_AFTER = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "以内": "<=", "左右": "~", "上下": "~"}
_STRICT = (">", "<")  # 超过…以上 stays ">": the stricter word wins over a trailing 以上
_ITEM_NUM = lazy_re(rf"{NUMBER}(?:[×xX*]{NUMBER})?(?:{RANGE_SEP}{NUMBER})?")
_LIST_GAP = lazy_re(r"[、和及与,]*")  # items of one list: 90%、75%; 100万辆和150GWh
# Measurement units plans use, longest first where one is a prefix of another. A unit not listed is
# accepted when it is short (≤ 3 characters) and stands alone before a separator.
# The units a number of a target phrase may carry: any measure word but a rank (十大, 百强), and a
# bare multiplier (100多万: the 万 stands where the unit would). A unit not listed is accepted when it
# is short (≤ 3 characters) and stands alone before a separator.
_UNITS = measure_words("count", "unit", "span", "calendar", "age") + ("亿", "万")
# 方 is a cubic metre only after a magnitude or a figure of hundreds (80万方, 5000方): 3方面, 5方协同 and 第三方 are parties
# and aspects (平潭's 砂石 plan, round hundred-and-forty-fifth's held-out set). Matched where the 方 stands in the text.
FANG_VOLUME = r"(?:(?<=[万亿])|(?<=\d\d\d))方(?![面案式向法位针])"
_FANG = re.compile(FANG_VOLUME)
_SEP = "、，,；;。:：和及与()（）"


def _unit_at(rest: str) -> str:
    for u in _UNITS:
        if rest.startswith(u):
            return u
    m = re.match(rf"[^\d{_SEP}]{{1,3}}?(?=以上|以下|以内|左右|上下|[{_SEP}]|$)", rest)
    return m.group(0) if m else ""


def _comparator_before(gap: str) -> str | None:
    best: tuple[int, str] | None = None
    found = sorted((m.start(), m.end(), comp) for comp, words in _BEFORE for m in re.finditer(words, gap))
    for start, end, comp in found:
        if comp == "=" and best is not None and best[1] != "=" and start == best[0]:
            continue  # 至少完成1座, 不少于建成3个: the bound's word, then the verb it bounds — still the bound (压缩站)
        if best is None or end > best[0]:
            best = (end, comp)
    for comp, words in _BEFORE_ADJACENT:
        m = re.search(rf"(?:{words})$", gap)
        if m and (best is None or m.start() >= best[0]):  # 不超过: 过 is part of a longer word
            best = (m.end(), comp)
    return best[1] if best else None


_TIME_UNITS = measure_words("span", "calendar")
# Units that begin with a character that is also a Chinese numeral (千瓦, 万千瓦, 百分点).
_UNIT_STARTS = tuple(w for w in measure_words() if w[0] in NUMERAL_HEAD)


def _cn_target(t: str) -> TargetValue | None:
    """A target written in Chinese numerals right after a comparator word (双破千, 突破两百家, 过千亿) or
    as an order of magnitude (千万级 = at least 千万). A span of time (通过三年努力) is not one."""
    for comp, words in _BEFORE + _BEFORE_ADJACENT:
        for wm in re.finditer(words, t):
            if len(wm.group(0)) == 1 and wm.start() > 0 and t[wm.start() - 1] in "通经不超越":
                continue  # 通过, 经过: not a comparator
            rest = t[wm.end():]
            share = re.match(SHARE, rest)
            if share and _cn_share(share.group(0)) is not None:  # 超过一半, 不少于三分之一: a share, in %
                return TargetValue(comp, _cn_share(share.group(0)), "%", None, share.group(0))
            cn = _cn_number(rest)
            if cn is None:
                continue
            unit = _unit_at(cn[1])
            if unit.startswith(_TIME_UNITS) or cn[1].startswith(_TIME_UNITS):
                continue
            vtext = t[wm.end():len(t) - len(cn[1])] + unit
            return TargetValue(comp, tidy(cn[0]), unit, None, vtext)
    for m in re.finditer(rf"[{NUMERAL_HEAD}]+(?=级)", t):
        cn = _cn_number(m.group(0))
        if cn is not None and not cn[1]:
            return TargetValue(">=", tidy(cn[0]), "", None, m.group(0))
    return None


def parse_target(text: str) -> Target:
    """Read a target phrase with its comparator words (see the module docstring's table); raise
    QuantityError naming the phrase when it holds no target value.

    Numbers that are not targets (a year 2024年, a baseline 较2023年, a name 5G or PM2.5) are skipped,
    so ``parse_target("2024年突破3.5万家")`` is one value, ``>`` 35000 家.
    """
    if text is None or not str(text).strip():
        raise QuantityError("quantity.empty_target")
    raw = str(text)
    t = _plain(raw)
    m = re.search(r"翻(?:了)?(一|两|二|三)番|翻番|倍增", t)
    if m:
        times = 2.0 ** read_numeral(m.group(1) or "一")  # 翻两番: doubled twice
        comp = ">=" if t[m.end():].startswith("以上") else "="
        return Target(raw, (TargetValue(comp, float(times), "倍", None, m.group(0)),))

    # start, end, value_text as written, the same without 多/余 (what parse_value reads), suffix comparator, range
    items: list[tuple[int, int, str, str, str | None, bool]] = []
    pos = 0
    for nm in _ITEM_NUM.finditer(t):
        if nm.start() < pos:
            continue
        after = t[nm.end():nm.end() + 1]
        if re.fullmatch(rf"(?:19|20|21)\d\d(?:{RANGE_SEP}(?:19|20|21)\d\d)?", nm.group(0)) and after in "年-—":
            continue  # a year (2024年) or a span of years (2024—2025年)
        if after == "月" or (after in "日号" and re.search(r"月$", t[:nm.start()])) \
                or t[:nm.start()].endswith("第"):
            continue  # a date (10月, 6月30日) or an ordinal (第3季度)
        if not_target_reason(t, nm.start(), nm.end()):
            continue
        rest = t[nm.end():]
        mult = (multiplier_at(rest) or ("",))[0]
        more = re.match(r"[多余]", rest[len(mult):])  # 100多家, 3万余人: more than
        after_more = len(mult) + (1 if more else 0)
        unit = _unit_at(rest[after_more:])
        if unit == "方" and not _FANG.match(t, nm.end() + after_more):
            continue  # (3方面, 5方协同, 第三方: parties and aspects — FANG_VOLUME)
        end = nm.end() + after_more + len(unit)
        # (95%（含）以上, 80%(含)以下: the bound itself included, in brackets before the word — 黄浦's 排水 plan)
        # (754.61万亩(其中早稻216万亩)以上: a part in brackets before the word — 赣州's 粮食 notice, round eighty-eight)
        incl = re.match(r"[(（](?:含|其中[^()（）]{1,24})[)）]", t[end:])
        at = end + incl.end() if incl and t.startswith(tuple(_AFTER), end + incl.end()) else end
        suf = next((w for w in _AFTER if t.startswith(w, at)), None)
        items.append((nm.start(), at + (len(suf) if suf else 0), t[nm.start():end], nm.group(0) + mult + unit,
                      _AFTER[suf] if suf else (">" if more else None), bool(re.search(RANGE_SEP, nm.group(0)))))
        pos = items[-1][1]
    if not items:
        # Chinese numerals: 双破千, 过千亿 (after a comparator word), 千万级 (an order of magnitude: at least).
        found = _cn_target(t)
        if found:
            return Target(raw, (found,))
    if not items:
        raise QuantityError("quantity.no_target", text=raw)

    values: list[TargetValue] = []
    inherited: str | None = None
    prev_end = 0
    for i, (start, end, vtext, clean, suf, is_range) in enumerate(items):
        gap = t[prev_end:start]
        own = _comparator_before(gap)
        if own is None and re.search(r"[，；;。]", gap):
            inherited = None  # a new clause: the earlier word no longer applies
        before = own or inherited
        inherited = before
        if suf is None:
            # 分别达到100万辆和150GWh左右: a trailing word covers the items listed before it.
            for later in items[i + 1:]:
                between = t[end:later[0]]
                # 建设1所100张以上床位的养老机构: a count glued to the size after it is no list; the 以上 is the
                # size's (沙河口区, issue 28 round five), not the count's
                if not between or not _LIST_GAP.fullmatch(between):
                    break
                if later[4] is not None:
                    suf = later[4]
                    break
                end = later[1]
        if is_range:
            comp = "range"
        elif suf and before not in _STRICT:
            comp = suf
        else:
            comp = before or suf or "="
        q = parse_value(clean)
        values.append(TargetValue(comp, q.value, q.unit, q.value_max, vtext))
        prev_end = items[i][1]
    return Target(raw, tuple(values))


# --------------------------------------------------------------------------- numbers that are not targets

_BASELINE_WORDS = r"(?:较|比|相比|同比|对比|与|以|相较于?|相对于)"
_PAST = lazy_re(r"已经?(?!有基础)|翻了|达到了|实现了|完成了|突破了|超过了|增长了|提高了"
                # a verb with 了 (选出了10件, 征求了…意见: what was done — 余杭 and 汉台, rounds ninety-two and eighty-two); not
                # 为了, 除了, 了解
                # (该行动计划还强调了培育2-3家…: a verb of saying reports what the plan sets — no past)
                r"|(?<![为除到])(?<!强调)(?<!提出)(?<!明确)(?<!指出)(?<!要求)(?<!部署)(?<!规定)(?<!确定)(?<!表示)(?<!介绍)"
                r"(?<=[\u4e00-\u9fff])了(?!解)")  # not 在已有基础上


# A survey's findings (摸排结果显示全乡抛撂荒面积共859.70亩，其中苏山村…173.30亩: 红山乡, round forty-two's held-out set): the
# ground the plan works on, no goal — up to a verb of doing or the sentence's end.
_SURVEY = lazy_re(r"(?:摸排|排查|调查|普查|核查|统计)(?:结果)?(?:显示|表明)|(?:据|经)(?:统计|摸排|排查|调查)[，,]?")
_DOING_SINCE = lazy_re(r"[。；;]|完成|建成|实现|整改|治理|新建|改造|达到|力争|确保|争取|计划|目标|任务|复垦|复耕|恢复")


# A 解读's account of how the plan was drafted (起草初稿形成后,书面征求了…12个区级相关部门…意见,…7家单位进行了书面反馈,其中:5家
# 单位反馈无意见: 汉台's 气化 解读, round eighty-two): who was consulted and who replied — the making of the plan, no goal.
_DRAFTING = lazy_re(r"起草|草拟|初稿|征求意见稿|送审稿")
_CONSULTED = lazy_re(r"征求|反馈|修改意见|采纳|吸纳")


def not_target_reason(text: str, start: int, end: int) -> str | None:
    """Why the number ``text[start:end]`` is not a target, or None when nothing around it says so.

    ``text`` is the sentence (or paragraph) the number stands in; whitespace is ignored.
    """
    if not (0 <= start < end <= len(text)):
        raise QuantityError("quantity.span_outside", start=start, end=end)
    num = text[start:end]
    before = re.sub(r"\s+", "", text[max(0, start - 40):start])
    after = re.sub(r"\s+", "", text[end:end + 12])
    if re.search(r"PM$", before, re.IGNORECASE):
        return "name of a pollutant (PM2.5, PM10)"
    if re.match(r"[GK](?![a-zA-Z])", after) and re.fullmatch(r"\d{1,2}", num):
        return "name of a technology (5G, 4K)"
    if re.fullmatch(r"[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]+|[IVX]+", num) and re.match(r"[类级]", after):
        return "name of a class (Ⅲ类)"
    if re.fullmatch(r"\d", num) and re.match(r"A级", after):
        return "name of a class (4A级)"
    if re.fullmatch(rf"十[{NONZERO}]五", num) or (re.search(r"十$", before) and after.startswith("五")):
        return "name of a five-year plan (十四五)"
    opened = before.rfind("《")
    if opened >= 0 and "》" not in before[opened:]:
        return "part of a document title"
    if (before.endswith(("〔", "[", "【")) and after.startswith(("〕", "]", "】"))) or \
            (re.search(r"[〕\]】]$", before) and after.startswith("号")):
        return "part of a document number"
    q = before.rfind("“")
    if q >= 0 and "”" not in before[q:] and "”" in after and \
            re.fullmatch(r"[\d+NnX×]*", before[q + 1:] + num + after[:after.index("”")]):
        return "a name or code in quotes (“12345”热线)"
    if after.startswith("年") and re.search(rf"{_BASELINE_WORDS}$", before):
        return "baseline year (较2023年)"
    if after.startswith("年为基"):
        return "baseline year (以2020年为基数)"
    clause = re.split(r"[，。；;,]", before)[-1]
    if re.search(r"(?<![将把])(?:现有|现存|目前共有|目前有|现已有)(?:的)?$", clause):  # (将现有80辆…更换: the work's object)
        return "a stock the plan starts from (现有…)"
    head = re.sub(r"\s+", "", text[:start])
    survey = max((m.end() for m in _SURVEY.finditer(head)), default=None)  # (the last survey before the number)
    if survey is not None and not _DOING_SINCE.search(head, survey):
        return "what a survey found (摸排结果显示…)"
    if before.endswith("每") and re.match(r"(?:万|千|百)?(?:人口|人|户|名|平方公里|常住人口)", re.sub(r"^[\d.]+", "", num) + after):
        # 每10万人口康复医师达到8人 (重庆's 康复医疗 plan, round eighty-five): the rate's denominator — 8人 is the figure
        return "the denominator of a rate (每10万人口)"
    if "原则上" in re.split(r"[。；;]", head)[-1] and re.search(rf"(?:{_NOT})?(?:超过|多于|高于)$", clause):
        # 原则上水稻主导品种霍邱县不得超过8个,…,每个乡镇不超过2个 (六安's 农业 要点, round eighty-eight): a rule's cap on
        # what may be, no goal (原则上不低于30% — a floor — stays a target, as two readers keyed it)
        return "a rule's cap (原则上…不得超过)"
    if re.match(r"个?方面", after):
        # 10个方面44项重点工作, 等5个方面开展…, 包含A和B 2个方面: the headings a text is set out under (in no set's
        # annotation a target: eighteen of them over the development documents, round eighty-two)
        return "a count of the aspects a text is set out under (N个方面)"
    scope = max((m.end() for m in re.finditer(r"涉及", head)), default=None)
    if scope is not None and re.match(r"个(?:行政)?(?:社区|小区|村|乡镇|镇|街道|乡|县|区|县区|县市区|办事处)", after) \
            and not _DOING_SINCE.search(head, scope):
        # 涉及五个街道办事处17个社区,两个乡镇11个村: the places the work spans (介休's 清洁取暖 plan, round eighty-four; never
        # a target in the development documents). 涉及金额6567万元 is the sum (a figure); 涉及34个牵头单位 counts the
        # document's own parts (said so elsewhere)
        return "the places the work spans (涉及…)"
    if re.match(r"个(?:行政)?(?:村|社区|乡镇|镇|街道|乡)(?=[、，,和及]|共计|合计|总计|共)", after) \
            and re.match(r"[^。；;]{0,30}?(?:共计|合计|总计|共)\d", re.sub(r"\s+", "", text[end:end + 80])):
        # 实现9个社区、10个村,共计3963户清洁取暖替代: the places a total spans — the total is the figure (介休, round
        # eighty-four)
        return "the places a total spans (N个村,共计…)"
    if re.match(r"\s*(?:个工作日|个自然日|天|日)", after) \
            and re.search(r"(?:公示|公告|公开征求意见)(?:时间|期|期限)[^。；;]{0,30}$", head):
        # 公示期为5天(2022年4月13日至4月17日), 公告时间不少于10天: how long the notice is posted — the procedure, no goal (临潭,
        # 大冶, 戛洒: three readers, round ninety-seven's count of the development documents)
        return "how long a notice is posted (公示期…天)"
    if re.search(r"占[^，,。；;]{0,10}(?:总分|总分值|分值|权重)(?:的)?$", before):
        # 由第三方评估机构进行现场资料检查，占评估总分80%: a part's weight in an assessment's score (莘庄's 业委会 评估, round
        # thirty-six's held-out set) — how the score is made up, no figure to reach
        return "a weight in a score (占总分…%)"
    if _DRAFTING.search(head) and _CONSULTED.search(clause + num + re.split(r"[，。；;,]", after)[0]):
        return "how the plan was drafted (征求意见, 反馈)"
    past = list(_PAST.finditer(clause))
    # 已达到95% is done; 对已推出的100个场景完成迭代 describes the object of a task still to do.
    if past and "力争" not in clause and "的" not in clause[past[-1].end():]:
        return "past achievement (已达到)"
    return None


def is_not_target(text: str, start: int, end: int) -> bool:
    """True when ``not_target_reason`` finds a reason: the number is not a target."""
    return not_target_reason(text, start, end) is not None

