"""Quantities as plans write them, normalised to a number in plain units.

Reads ``3.5 万家`` → 35000 家, ``2.2万亿元`` → 2.2e12 元, ``10%`` → 10 %, ``3—5 家`` → 3…5 家,
``2×30万千瓦`` → 600000 千瓦, ``717.7万千瓦``, ``1.2e4``, ``千万千瓦`` (Chinese numerals), ``倍增`` → 2 倍.
The multiplier (万, 亿, 万亿, 千万, 百万, 千亿, 百亿) is folded into the number; what remains is the unit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .errors import PlancliError
from .sourcetext import squeeze

__all__ = ["QuantityError", "Quantity", "parse_value", "convert"]


class QuantityError(PlancliError, ValueError):
    """A quantity that cannot be read or converted."""


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    value_max: float | None = None


_MULT = [("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6),
         ("万", 1e4)]
_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_NUMBER = r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
_RANGE_SEP = r"[—–\-~～至到]+"
_TRAILING_WORDS = re.compile(r"(?:以上|以下|以内|左右|上下|多|余)+$")
# Units that begin with a character that is also a Chinese numeral multiplier.
_UNIT_STARTS = ("千瓦", "千米", "千克", "千伏", "千帕", "万千瓦", "百分点", "千字")


def _plain(text: str) -> str:
    # squeeze, not compact: '*' is a multiplication sign here (2*30万千瓦). NFKC turns ， into ,.
    return squeeze(str(text)).replace(",", "")


def _cn_number(s: str) -> tuple[float, str] | None:
    """Longest Chinese-numeral prefix of ``s`` (一千, 两百, 千万, 三十五) → (number, rest)."""
    best: tuple[float, str] | None = None
    for end in range(len(s), 0, -1):
        head, rest = s[:end], s[end:]
        if not all(c in _CN_DIGIT or c in _CN_SMALL_UNIT or c in "万亿" for c in head):
            continue
        if any(s[end - 1:].startswith(u) for u in _UNIT_STARTS):
            continue  # 千万千瓦: the last 千 belongs to the unit 千瓦
        total, section, digit = 0.0, 0.0, None
        ok = True
        for c in head:
            if c in _CN_DIGIT:
                if digit is not None:
                    ok = False
                    break
                digit = _CN_DIGIT[c]
            elif c in _CN_SMALL_UNIT:
                section += (digit if digit is not None else 1) * _CN_SMALL_UNIT[c]
                digit = None
            else:  # 万 or 亿
                section += digit or 0
                mult = 1e4 if c == "万" else 1e8
                total = (total + section) * mult if c == "亿" else total + section * mult
                section, digit = 0.0, None
        if not ok:
            continue
        section += digit or 0
        best = (total + section, rest)
        break
    return best


def _split_multiplier(rest: str) -> tuple[float, str]:
    for word, factor in _MULT:
        if rest.startswith(word):
            return factor, rest[len(word):]
    return 1.0, rest


def parse_value(text: str) -> Quantity:
    """Read a quantity as written; raise QuantityError when it is not one."""
    if text is None:
        raise QuantityError("empty value")
    t = _plain(text)
    t = re.sub(r"^(?:约|近|超过|突破|达到|不少于|不低于|至少)", "", t)
    if not t:
        raise QuantityError("empty value")
    if t in ("倍增", "翻一番", "翻番"):
        return Quantity(2.0, "倍")
    m = re.match(rf"({_NUMBER})[×xX*]({_NUMBER})", t)
    if m:
        low = float(m.group(1)) * float(m.group(2))
        high = None
        rest = t[m.end():]
    else:
        m = re.match(rf"({_NUMBER})(?:{_RANGE_SEP}({_NUMBER}))?", t)
        if m:
            low = float(m.group(1))
            high = float(m.group(2)) if m.group(2) else None
            rest = t[m.end():]
        else:
            cn = _cn_number(t)
            if cn is None:
                raise QuantityError(f"not a quantity: {text!r}")
            low, rest = cn
            high = None
    factor, unit = _split_multiplier(rest)
    unit = _TRAILING_WORDS.sub("", unit)
    if unit.startswith("%") or unit == "％":
        unit = "%"
    if re.search(r"\d", unit):
        raise QuantityError(f"cannot read quantity {text!r}: stray number in unit {unit!r}")
    low *= factor
    if not math.isfinite(low) or (high is not None and not math.isfinite(high * factor)):
        raise QuantityError(f"number out of range in {text!r}")
    if high is not None:
        high *= factor
        if high < low:
            raise QuantityError(f"range runs backwards in {text!r}")
    return Quantity(_tidy(low), unit, _tidy(high) if high is not None else None)


def _tidy(x: float) -> float:
    """Round away binary noise (3.5*1e4 = 35000.000000000004); refuse inf and nan."""
    if not math.isfinite(x):
        raise QuantityError(f"number out of range: {x}")
    r = round(x, 6)
    return float(int(r)) if r == int(r) else r


_UNIT_ALIASES = {"个百分点": "百分点", "％": "%"}


def convert(text: str, unit: str) -> float:
    """Read an actual value as people write it and express it in ``unit``.

    ``717.7万千瓦`` in 千瓦 → 7177000; ``96%`` in % → 96; a bare number (``1.2e4``) is taken to be in
    ``unit`` already. A different unit (``5 家`` for a target in 亿元) is refused.
    """
    q = parse_value(text)
    want = _UNIT_ALIASES.get(unit or "", unit or "")
    got = _UNIT_ALIASES.get(q.unit, q.unit)
    if got in ("", want):
        return q.value
    # A target in 亿元 / 万千瓦 stores plain 元 / 千瓦; accept a multiplier glued to the unit.
    for word, factor in _MULT:
        if got == word + want:
            return _tidy(q.value * factor)
    raise QuantityError(f"unit {q.unit!r} of {text!r} does not match the target's unit {unit!r}")
