"""Actual values as people type them into ``record``, read against a target as it is written.

``convert`` turns ``--actual`` into the target's plain unit: ``717.7万千瓦`` → 7177000 千瓦. A bare
number takes the multiplier of the target's own ``value_text`` (``1.02`` against ``1 亿千瓦`` is 1.02
亿千瓦), because progress tables (台账) are kept in the target's unit. What would be a guess is refused:
a bare 0..1 against a percentage (a fraction, or that many per cent?), a decimal comma (``3,6万家``).
``written_like`` writes a stored value back the way the target is written (``1.02 亿千瓦``).
The quantity grammar itself is ``quantities.parse_value``; the numerals are ``numerals``' (八十家,
一千二百, 3千, 1.2千).

``read_actual`` also reads a figure given as "more than" (余/多 after the number: 3.2万余家, 100多家,
一百多家): the value is more than the number written and less than the number with one more in its
last written digit (3.2万余家 is between 32000 and 33000 家; 100多家 between 100 and 200), which is
what 余 and 多 mean in an office's figures. ``Actual.below`` is that bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import MULTIPLIERS, NUMERAL, multiplier_at, read_numeral
from .quantities import NUMBER, RANGE_SEP, QuantityError, parse_value, tidy
from .source import squeeze

__all__ = ["Actual", "convert", "read_actual", "multiplier_of", "written_like"]

_UNIT_ALIASES = {"个百分点": "百分点", "％": "%"}
_PREFIX = re.compile(r"^(?:约|近|超过|突破|达到|不少于|不低于|至少)")  # comparator words parse_value skips
_LEADING_NUMBER = re.compile(rf"{NUMBER}(?:[×xX*]{NUMBER}|(?:{RANGE_SEP}{NUMBER}))?")


def multiplier_of(text: str | None) -> tuple[float, str]:
    """The multiplier written after the number: ``1 亿千瓦`` → (1e8, '亿'), ``3.5 万家`` → (1e4, '万'),
    ``99%`` → (1, ''). A number in Chinese numerals (千万千瓦) has none: its magnitude is the number."""
    t = _PREFIX.sub("", squeeze(str(text or "")))
    m = _LEADING_NUMBER.match(t)
    if not m:
        return 1.0, ""
    found = multiplier_at(t[m.end():])
    return (found[1], found[0]) if found else (1.0, "")


def _refuse_decimal_comma(text: str) -> None:
    """A comma inside a number is a thousands separator only in groups of exactly three digits
    (``1,234``, ``12,345,678.5``); ``3,6万家`` or ``1,2345`` would be a guess, so it is refused."""
    for m in re.finditer(r"\d[\d,]*,\d+", squeeze(str(text))):
        if not re.fullmatch(r"\d{1,3}(?:,\d{3})+", m.group()):
            raise QuantityError("actual.decimal_comma", text=str(text), number=m.group(),
                                fixed=m.group().replace(",", ".", 1))


def convert(text: str, unit: str, value_text: str | None = None) -> float:
    """Read an actual value as people write it and express it in ``unit``.

    ``717.7万千瓦`` in 千瓦 → 7177000; ``96%`` in % → 96. A bare number (no unit, no multiplier) is
    read as the target is written: against ``value_text`` ``1 亿千瓦``, ``1.02`` means 1.02 亿千瓦
    (1.02e8 千瓦); against ``3.5 万家``, ``3.6`` means 3.6 万家. Against a percentage, a bare number
    from 0 to 1 (``0.99``: a fraction or 0.99 %?) is refused as ambiguous. A different unit
    (``5 家`` for a target in 亿元) and a decimal comma (``3,6万家``) are refused.
    """
    _refuse_decimal_comma(text)
    t = str(text).strip()
    if t[:1] in ("-", "−", "－") or t.startswith("负"):  # a rate can fall: -1.5%, 负1.5%
        rest = t[1:].strip()
        if rest[:1] in ("-", "−", "－", "+", "负"):
            raise QuantityError("actual.two_signs", text=text)
        v = convert(rest, unit, value_text)
        return -v if v else 0.0
    q = parse_value(text)
    want = _UNIT_ALIASES.get(unit or "", unit or "")
    got = _UNIT_ALIASES.get(q.unit, q.unit)
    if got == "" and multiplier_of(text)[1] == "":
        if want == "%" and 0 < abs(q.value) <= 1:
            raise QuantityError("actual.ambiguous_share", text=text, percent=_number(q.value * 100))
        if re.search(r"[十百千万亿拾佰仟萬億]", t):
            return q.value  # 一千二百: a Chinese numeral says its own magnitude
        return tidy(q.value * multiplier_of(value_text)[0])
    if got in ("", want):
        return q.value
    # A target in 亿元 / 万千瓦 stores plain 元 / 千瓦; accept a multiplier glued to the unit.
    for word, factor in MULTIPLIERS:
        if got == word + want:
            return tidy(q.value * factor)
    raise QuantityError("actual.unit_mismatch", got=q.unit, text=text, unit=unit)


@dataclass(frozen=True)
class Actual:
    """A figure read against a target, in the target's plain unit. ``below``: for a figure written with
    余/多 (more than ``value``), the bound it stays under; None for an exact figure."""

    value: float
    below: float | None = None


# 3.2万余家, 100多家, 一百多家, 约3万余人: the number, its multiplier, then 余 or 多.
_MORE = re.compile(rf"^(?P<head>(?:约|近|超过|突破|达到)?)(?P<num>{NUMBER}|[{NUMERAL}点两]+)"
                   r"(?P<mult>万亿|千亿|百亿|亿|千万|百万|万|千)?(?P<more>[余多])(?P<rest>.*)$")


def _last_digit(num: str) -> float:
    """The place of the last digit written: 3.2 → 0.1, 100 → 100, 1200 → 100, 八十 → 10, 三点五 → 0.1."""
    if not num.isascii():
        n = read_numeral(num)
        num = f"{n:.12g}"
    if "." in num:
        return 10.0 ** -len(num.split(".", 1)[1])
    return 10.0 ** (len(num) - len(num.rstrip("0")))


def read_actual(text: str, unit: str, value_text: str | None = None) -> Actual:
    """``convert``, and a figure written "more than" (余/多): its value and the bound it stays under."""
    t = squeeze(str(text))
    m = _MORE.match(t)
    if m is None:
        return Actual(convert(text, unit, value_text))
    exact = m.group("head") + m.group("num") + (m.group("mult") or "") + m.group("rest")
    value = convert(exact, unit, value_text)
    written = float(read_numeral(m.group("num")))
    if written <= 0:
        raise QuantityError("actual.more_than_nothing", text=str(text))
    return Actual(value, tidy(value + value * _last_digit(m.group("num")) / written))


def _number(x: float) -> str:
    """A number without binary noise or needless exponent: 1.02, 7177000, 0.5."""
    return format(round(x, 6), ".15g")


def written_like(value: float, value_text: str | None, unit: str | None, *, more: bool = False) -> str:
    """``value`` (in plain ``unit``) written the way the target is: 1.02e8 against ``1 亿千瓦`` →
    ``1.02 亿千瓦``; 36000 against ``3.5 万家`` → ``3.6 万家``; 99 against ``99%`` → ``99%``."""
    factor, word = multiplier_of(value_text)
    m = _LEADING_NUMBER.match(_PREFIX.sub("", str(value_text or "").strip()))
    sep = " " if m and str(value_text).strip()[m.end():m.end() + 1].isspace() else ""
    return f"{'>' if more else ''}{_number(value / factor)}{sep}{word}{unit or ''}"
