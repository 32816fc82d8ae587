"""Short metric names for drafted targets: what a quantity counts, in the words of its clause.

The name is the list item holding the quantity (教育专家10名、名校长100名 → 名校长), else its clause, without
time phrases, the quantity and comparator words (达到, 以上, 突破…); ``A、B各N`` / ``A和B均达到N`` /
``双破千`` give one name per subject. A 、 inside brackets (县（市、区）) separates nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["SUBJECT_SEP", "METRIC_DROP", "name_of", "cjk", "separators", "each_subjects", "strip_times"]

SUBJECT_SEP = r"[、和与]|及(?!以上)"  # 省一类及以上优质园, 市级及以上创新平台: one subject

METRIC_DROP = re.compile(
    r"^(?:力争|争取|确保|推动|全力|加快|持续|进一步|其中|同时|并|且|和|及|实现|完成)+|"
    r"(?:达到|达|突破|超过|超|过|破|不少于|不低于|至少|稳定在|保持在|控制在|提高|增长|分别|为|以上|左右|以内|以下"
    r"|力争|实现|完成)+$")


def name_of(c: str, a: int, b: int, cut: list[tuple[int, int]]) -> str:
    """A short name: the clause without its time phrase, quantity and comparator words."""
    keep = [ch for i, ch in enumerate(c[a:b], a) if not any(x <= i < y for x, y in cut)]
    t = "".join(keep).strip("，,、;；:：")
    for _ in range(3):
        t = METRIC_DROP.sub("", t).strip("，,、;；:：")
    t = re.sub(r"(?:达到|突破|超过|不少于|不低于|稳定在|保持在|控制在|力争)", "", t)
    return (t[:40] + "…") if len(t) > 41 else (t or c[a:b][:40])


def cjk(s: str) -> int:
    return len(re.findall(r"[\u4e00-\u9fff]", s))


def separators(text: str, a: int, b: int) -> list[int]:
    """Positions of the list separators 、和与及 in text[a:b] outside brackets."""
    out, depth = [], 0
    for m in re.finditer(r"[(（]|[)）]|" + SUBJECT_SEP, text[a:b]):
        ch = m.group()
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(a + m.start())
    return out


def each_subjects(text: str, cs: int, a: int, times: Sequence) -> list[str]:
    """``省工程研究中心、省企业技术中心各100家``, ``A和B均达到60%``, ``A、B、C均增长12%``, ``A和B双破千``: one metric per
    subject."""
    m = re.search(r"(?:各|均|双)(?:为|是|达到|达|约|近|保持在|稳定在|不低于|不少于|超过|突破|破|过"
                  # 固定资产投资、工业投资、服务业投资均增长12%左右 (金华开发区, round eleven): a change, each its own
                  r"|(?:增长|提高|提升|增加|下降|降低|减少)(?:到|至)?)?$",
                  text[cs:a])
    if not m:
        return []
    head = strip_times(text, cs, cs + m.start(), times)
    parts = [METRIC_DROP.sub("", p) or p for p in re.split(SUBJECT_SEP, head) if p]
    return parts if len(parts) > 1 else []


def strip_times(text: str, a: int, b: int, times: Sequence) -> str:
    return "".join(ch for i, ch in enumerate(text[a:b], a) if not any(t.start <= i < t.end for t in times))
