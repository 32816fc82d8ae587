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

__all__ = ["QuantityError", "Quantity", "parse_value", "convert", "multiplier_of", "written_like"]


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
_PREFIX = re.compile(r"^(?:约|近|超过|突破|达到|不少于|不低于|至少)")
_LEADING_NUMBER = re.compile(rf"{_NUMBER}(?:[×xX*]{_NUMBER}|(?:{_RANGE_SEP}{_NUMBER}))?")


def multiplier_of(text: str | None) -> tuple[float, str]:
    """The multiplier written after the number: ``1 亿千瓦`` → (1e8, '亿'), ``3.5 万家`` → (1e4, '万'),
    ``99%`` → (1, ''). A number in Chinese numerals (千万千瓦) has none: its magnitude is the number."""
    t = _PREFIX.sub("", squeeze(str(text or "")))
    m = _LEADING_NUMBER.match(t)
    if not m:
        return 1.0, ""
    rest = t[m.end():]
    for word, factor in _MULT:
        if rest.startswith(word):
            return factor, word
    return 1.0, ""


def _refuse_decimal_comma(text: str) -> None:
    """A comma inside a number is a thousands separator only in groups of exactly three digits
    (``1,234``, ``12,345,678.5``); ``3,6万家`` or ``1,2345`` would be a guess, so it is refused."""
    for m in re.finditer(r"\d[\d,]*,\d+", squeeze(str(text))):
        if not re.fullmatch(r"\d{1,3}(?:,\d{3})+", m.group()):
            raise QuantityError(f"cannot read {text!r}: {m.group()!r} has a comma that is not a thousands "
                                f"separator (groups of three digits); write the decimal point: "
                                f"{m.group().replace(',', '.', 1)}")


def convert(text: str, unit: str, value_text: str | None = None) -> float:
    """Read an actual value as people write it and express it in ``unit``.

    ``717.7万千瓦`` in 千瓦 → 7177000; ``96%`` in % → 96. A bare number (no unit, no multiplier) is
    read as the target is written: against ``value_text`` ``1 亿千瓦``, ``1.02`` means 1.02 亿千瓦
    (1.02e8 千瓦); against ``3.5 万家``, ``3.6`` means 3.6 万家. Against a percentage, a bare number
    from 0 to 1 (``0.99``: a fraction or 0.99 %?) is refused as ambiguous. A different unit
    (``5 家`` for a target in 亿元) and a decimal comma (``3,6万家``) are refused.
    """
    _refuse_decimal_comma(text)
    q = parse_value(text)
    want = _UNIT_ALIASES.get(unit or "", unit or "")
    got = _UNIT_ALIASES.get(q.unit, q.unit)
    if got == "" and multiplier_of(text)[1] == "":
        if want == "%" and 0 < abs(q.value) <= 1:
            raise QuantityError(f"{text!r} against a percentage target is ambiguous: write "
                                f"{_number(q.value * 100)}% for the fraction {text}, or {text}% if you mean that")
        return _tidy(q.value * multiplier_of(value_text)[0])
    if got in ("", want):
        return q.value
    # A target in 亿元 / 万千瓦 stores plain 元 / 千瓦; accept a multiplier glued to the unit.
    for word, factor in _MULT:
        if got == word + want:
            return _tidy(q.value * factor)
    raise QuantityError(f"unit {q.unit!r} of {text!r} does not match the target's unit {unit!r}")


def _number(x: float) -> str:
    """A number without binary noise or needless exponent: 1.02, 7177000, 0.5."""
    return format(round(x, 6), ".15g")


def written_like(value: float, value_text: str | None, unit: str | None) -> str:
    """``value`` (in plain ``unit``) written the way the target is: 1.02e8 against ``1 亿千瓦`` →
    ``1.02 亿千瓦``; 36000 against ``3.5 万家`` → ``3.6 万家``; 99 against ``99%`` → ``99%``."""
    factor, word = multiplier_of(value_text)
    m = _LEADING_NUMBER.match(_PREFIX.sub("", str(value_text or "").strip()))
    sep = " " if m and str(value_text).strip()[m.end():m.end() + 1].isspace() else ""
    return f"{_number(value / factor)}{sep}{word}{unit or ''}"
