"""The one base of plancli's domain errors.

Every error the core raises on bad input derives from ``PlancliError``. It carries a code of the
words catalogue (``plancli.words``) and the fields of its entry — never prose — and, where there is
one, the file and line it is about. The CLI edge catches ``PlancliError`` once and prints
``located(lang)``: one line on stderr in the reader's language (exit 2); ``str()`` is the English
line, for logs and tests.
"""

from __future__ import annotations

from pathlib import Path

from .words import has, say

__all__ = ["PlancliError", "Said"]


class Said:
    """What people read, carried as ``code`` (an entry of the catalogue) and its ``fields``, said in
    the reader's language by ``text(lang)``; ``message`` is the English. A code that is no entry is
    taken as finished text (what another library said, passed on). Errors and ``validate``'s
    problems are both said this way."""

    code: str
    fields: dict

    def text(self, lang: str = "en") -> str:
        """The words in ``lang``, without their place."""
        return say(self.code, lang, **self.fields) if has(self.code) else self.code

    @property
    def message(self) -> str:
        return self.text("en")


class PlancliError(Said, Exception):
    """Bad input the user can fix: ``code`` (an entry of the catalogue) and its ``fields``.

    A first argument that is not a catalogue code is taken as finished text (what another library
    said, passed on); ``tests/test_architecture.py`` keeps plancli's own raises on codes."""

    def __init__(self, code: str = "", path: str | Path | None = None, line: int | None = None, **fields):
        super().__init__(code)
        self.code = code
        self.fields = fields
        self.path = str(path) if path is not None else None
        self.line = line

    def located(self, lang: str = "en") -> str:
        """``file:line: problem`` (or just the problem) in ``lang``."""
        where = self.path or ""
        if self.line:
            where += f":{self.line}"
        text = self.text(lang)
        return f"{where}: {text}" if where else text

    def __str__(self) -> str:
        return self.located("en")
