"""Messages of the readers of text (``plancli.text``): numerals, deadline phrases, dates, quantities,
figures typed into ``record``.

Each entry: code → (zh, en). Fields in braces are filled by ``words.say``.
"""

WORDS: dict[str, tuple[str, str]] = {
    # text.numerals
    "numeral.unreadable": ("无法识别数字“{text}”", "cannot read Chinese numeral {text!r}"),
}
