"""The one catalogue of the words people read, in Chinese and English.

Every label, heading and message a person reads — statuses, lights and their reasons, column
headings, the headings of the bulletin, handout, report and digest, refusals of ``record`` and
``import``, ``validate``'s problems — is one entry here, keyed by a code. The core never writes
prose: it returns codes and fields (an error carries its code and fields, a light its reason codes);
the text is made at the edge, in the reader's language, by ``say``.

Entries live in the modules of this package by area (``labels``: statuses, lights, columns;
``reports``: the digest, report, bulletin, handout and calendar; ``messages``: errors, refusals and
problems; ``text``: what the readers of text refuse; ``checks``: the problems of ``validate`` and
``coverage`` and the refusals of ``extract``; ``notify``: 催办 and the 督办单; ``review``: 审核 and 考核;
``files``: data files that cannot be read or written, and the ledger's warnings);
``catalogue()`` joins them and refuses a code defined twice. A field of a template is
written in the reader's language too: a ``Term`` (a code of this catalogue) is said, a vocabulary
member (``Status.MET``, ``Light.RED``) reads 已达标 in Chinese and keeps its code in English (the code
is what people type: ``--status met``), a list is joined with 、 or ", ".

This package imports nothing of plancli (it is the lowest layer, below ``errors``); the language of a
run is chosen in ``output.language``.
"""

from __future__ import annotations

import re
from enum import Enum

__all__ = ["LANGS", "AnyOf", "Term", "keeps_codes", "word_or_code", "long_date", "ordinal", "chinese_count", "catalogue",
           "has", "say", "said", "term", "word", "joined", "html_lang", "UNSHOWABLE", "visible"]

LANGS = ("zh", "en")

_WORDS: dict[str, tuple[str, str]] | None = None


def catalogue() -> dict[str, tuple[str, str]]:
    """Every entry: code → (zh, en). Read once, on the first word said (a JSON run needs none)."""
    global _WORDS
    if _WORDS is None:
        import importlib
        import os

        merged: dict[str, tuple[str, str]] = {}
        # every module of this package is an area of the catalogue: a new area is a new file here
        areas = sorted(n[:-3] for n in os.listdir(os.path.dirname(__file__)) if n.endswith(".py") and n[0] != "_")
        for part in (importlib.import_module(f"{__name__}.{a}") for a in areas):
            for code, pair in part.WORDS.items():
                if code in merged:
                    raise RuntimeError(f"catalogue: {code!r} is defined twice")
                merged[code] = pair
        _WORDS = merged
    return _WORDS


# Which areas hold the codes of each prefix (the part before the first dot), so that a run that says a
# few words — a JSON listing says its light reasons — imports those areas only, not the whole catalogue
# (3 ms). tests/test_words.py checks it against the areas (a code of a listed prefix is looked for in
# the listed areas only); a prefix it does not list is looked up in the whole catalogue.
_AREAS_OF: dict[str, tuple[str, ...]] = {
    "actual": ("text",), "bulletin": ("bulletin", "messages", "reports", "review"), "cli": ("bulletin", "messages"),
    "col": ("bulletin", "labels", "review"), "contacts": ("notify",), "coverage": ("checks",), "date": ("labels",),
    "dates": ("text",), "deadline": ("text",), "digest": ("bulletin", "reports", "review"),
    "evidence": ("roundtrip",), "export": ("messages",), "extract": ("checks", "extract"), "files": ("files",),
    "fill": ("reports", "roundtrip"), "filters": ("messages",), "handout": ("reports", "review"),
    "ics": ("reports",), "import": ("bulletin", "messages", "roundtrip", "security"), "init": ("messages",),
    "kind": ("labels",), "lang": ("messages",), "ledger": ("bulletin", "messages", "review", "roundtrip"),
    "light": ("labels",), "listing": ("labels",), "msg": ("bulletin", "messages", "review", "roundtrip"),
    "names": ("messages",), "notice": ("notify",), "notify": ("notify",), "numeral": ("text",),
    "office": ("notify",), "period": ("labels",), "problem": ("bulletin", "checks"), "punct": ("bulletin", "labels"),
    "quantity": ("text",), "reason": ("labels", "review"), "record": ("bulletin", "messages", "roundtrip"),
    "registry": ("messages", "registry", "review", "security"), "report": ("reports", "review"),
    "review": ("review",), "score": ("review",), "security": ("security",),
    "show": ("bulletin", "labels", "review", "roundtrip"), "status": ("labels", "review"), "units": ("messages",),
    "validate": ("checks",), "verdict": ("messages",),
}
_AREA_WORDS: dict[str, dict] = {}


def _entry(code: str) -> tuple[str, str] | None:
    """The entry of ``code``, from the areas its prefix names (the whole catalogue once it is read)."""
    if _WORDS is not None:
        return _WORDS.get(code)
    areas = _AREAS_OF.get(code.split(".", 1)[0])
    if areas is None:  # a prefix the index does not know: the whole catalogue decides
        return catalogue().get(code)
    for area in areas:
        words = _AREA_WORDS.get(area)
        if words is None:
            import importlib

            words = _AREA_WORDS[area] = importlib.import_module(f"{__name__}.{area}").WORDS
        pair = words.get(code)
        if pair is not None:
            return pair
    return None


def has(code: str) -> bool:
    return _entry(code) is not None


class Term(str):
    """A code of the catalogue used as a field of another entry: said in the reader's language."""


class AnyOf(tuple):
    """Alternatives as a field: ``--month or --quarter`` / ``--month 或 --quarter``."""

    def text(self, lang: str) -> str:
        return (" 或 " if lang == "zh" else " or ").join(str(x) for x in self)


def term(code: str) -> Term:
    if _entry(code) is None:
        raise KeyError(code)
    return Term(code)


# A vocabulary code (a status, a light, a kind, a ledger-only status) → its entry.
_VOCAB_AREAS = ("status", "light", "kind")


def word(code: str | None, lang: str) -> str:
    """A vocabulary code as people read it: ``met`` → 已达标 / met, ``red`` → 红灯 / red; empty stays empty."""
    if not code:
        return ""
    for area in _VOCAB_AREAS:
        pair = _entry(f"{area}.{code}")
        if pair is not None:
            return pair[0] if lang == "zh" else pair[1]
    raise KeyError(code)


def joined(items, lang: str, sep: str = "punct.list") -> str:
    """Items joined as the language lists them: 、 or ", " (``sep``: another ``punct.*`` entry)."""
    return say(sep, lang).join(str(_field(x, lang)) for x in items)


def keeps_codes(lang: str) -> bool:
    """Whether tables in ``lang`` show the contract's keys and codes as they are (English: plain text
    that is easy to grep and split), rather than the words of the catalogue (Chinese)."""
    return lang == "en"


def word_or_code(code: str | None, lang: str) -> str:
    """A vocabulary code as a message names it: the code people type in English (``--status met``),
    the word in Chinese (已达标)."""
    if not code:
        return ""
    return str(code) if keeps_codes(lang) else word(code, lang)


def said(value, lang: str) -> str:
    """A value people read, in ``lang``: an object that says itself (``text(lang)``: an error, a
    problem, a light's reasons), a Term, a vocabulary member; None as empty; anything else as ``str``."""
    if value is None:
        return ""
    return str(_field(value, lang))


# Characters that are not text people read but instructions to whatever shows it: C0 and C1
# controls (ESC starts the terminal's escape sequences: clear the screen, set the window title, a
# hidden hyperlink), DEL, the line and paragraph separators (a line break to Python's splitlines, not
# to JSON), the bidirectional overrides and isolates (text that reads otherwise than it is written),
# lone surrogates (bytes that were not UTF-8) and the two non-characters XML refuses.
# Compiled on first use (``UNSHOWABLE`` is looked up through the module's ``__getattr__``): the class
# of wide ranges takes ~0.8 ms to compile, which a JSON listing that says nothing need not pay.
_UNSHOWABLE_CLASS = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
_unshowable: re.Pattern | None = None


def _unshowable_pattern() -> re.Pattern:
    global _unshowable
    if _unshowable is None:
        _unshowable = re.compile(_UNSHOWABLE_CLASS)
    return _unshowable


def __getattr__(name: str):
    if name == "UNSHOWABLE":
        return _unshowable_pattern()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def visible(s: str, keep: str = "\n") -> str:
    """``s`` safe to show on a terminal, in a workbook or a page: every unshowable character but
    those in ``keep`` written out as ``\\x1b`` / ``\\u202e``, so it is seen and does nothing."""
    if s.isprintable():  # every unshowable character is unprintable to Python: most texts stop here
        return s
    pattern = _unshowable or _unshowable_pattern()
    if not pattern.search(s):
        return s
    return pattern.sub(lambda m: m.group() if m.group() in keep else _escape(m), s)


def _field(v, lang: str):
    if isinstance(v, Term):
        return say(v, lang)
    if isinstance(v, Enum):  # Status, Light: a word in Chinese, the code people type in English
        return word_or_code(v.value, lang)
    text = getattr(v, "text", None)
    if callable(text):  # an error, a problem, alternatives carried as a field: their own words
        return text(lang)
    if isinstance(v, list | tuple):
        return joined(v, lang)
    return v


def say(code: str, lang: str = "en", /, **fields) -> str:
    """The entry ``code`` in ``lang``, its ``{fields}`` filled (each in ``lang`` too). An unknown code
    is a programming error (KeyError)."""
    if lang not in LANGS:  # languages are checked where they are chosen (output.language.pick_lang)
        raise ValueError(f"no words in language {lang!r}")
    pair = _entry(code)
    if pair is None:
        raise KeyError(code)
    zh, en = pair
    template = zh if lang == "zh" else en
    if not fields:
        return template
    # The fields come from outside (a note, a cell, a file name): what they hold is shown, never
    # obeyed by the terminal or the file that receives it.
    return visible(template.format(**{k: _field(v, lang) for k, v in fields.items()}), "\n\t")


def long_date(d, lang: str) -> str:
    """A date as the language writes it in prose: 2025年11月30日 / 2025-11-30."""
    return say("date.long", lang, y=d.year, m=d.month, d=d.day, iso=d.isoformat())


_COUNTING = "一二三四五六七八九"


def chinese_count(n: int) -> str:
    """1..99 in Chinese numerals, as documents number their parts: 一, 十, 十二, 二十三."""
    if n < 10:
        return _COUNTING[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _COUNTING[tens - 1]) + "十" + (_COUNTING[ones - 1] if ones else "")


def ordinal(i: int, lang: str) -> str:
    """The i-th part of a document: （一）（二）… / 1. 2. …"""
    return say("punct.ordinal", lang, zh=chinese_count(i), n=i)


def html_lang(lang: str) -> str:
    """The value of an HTML ``lang`` attribute (zh → zh-CN: the texts are simplified Chinese)."""
    return {"zh": "zh-CN", "en": "en"}[lang]
