"""The language of a run: ``--lang``, else ``PLANCLI_LANG``, else the registry's, else the locale.

Precedence (docs/architecture.md, "Language"): an explicit ``--lang zh|en``; else ``PLANCLI_LANG``;
else, for what leaves the office (per-unit workbooks, bulletin, report, digest, calendar), the
registry's ``lang:`` (``plancli init`` writes ``lang: zh``); else the locale as POSIX resolves message
language (``LC_ALL``, then ``LC_MESSAGES``, then ``LANG``; the first one set decides): ``zh_CN.UTF-8``,
``zh_TW``, ``zh`` → zh; anything else (``C``, ``en_US.UTF-8``, unset, as under cron) → en. Terminal
listings and messages follow the locale, not the registry.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from ..errors import PlancliError
from ..words import LANGS

__all__ = ["LangError", "pick_lang", "lang_in_args"]


class LangError(PlancliError, ValueError):
    """A language that plancli has no words for."""


def _locale_lang(env: Mapping[str, str]) -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if value:  # the first one set decides, as setlocale() does for messages
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def _code(given: str) -> str:
    return given.strip().lower().replace("-", "_").split(".", 1)[0].split("_", 1)[0]


def pick_lang(explicit: str | None = None, env: Mapping[str, str] | None = None, *,
              registry: str | None = None) -> str:
    """``--lang`` if given, else ``PLANCLI_LANG``, else ``registry`` (the registry's ``lang:``, passed
    for what leaves the office), else the locale (zh* → zh, otherwise en).

    Accepts ``zh``/``en`` and locale-like spellings (``zh_CN``, ``zh-CN``, ``en_US.UTF-8``); anything
    else given explicitly is an error, so a typo is not silently read as English."""
    env = os.environ if env is None else env
    for given, where in ((explicit, "--lang"), (env.get("PLANCLI_LANG"), "PLANCLI_LANG")):
        if given:
            code = _code(given)
            if code not in LANGS:
                raise LangError("lang.unknown_in", where=where, given=given, choices=list(LANGS))
            return code
    if registry:
        return registry
    return _locale_lang(env)


_LANG_ARG = re.compile(r"^--lang(?:=(.*))?$")


def lang_in_args(args: list[str], env: Mapping[str, str] | None = None) -> str:
    """The language of a run's messages before its options are parsed (the error edge needs one even
    when parsing failed): the last readable ``--lang`` on the line, else ``pick_lang()``."""
    found = None
    for i, a in enumerate(args):
        m = _LANG_ARG.match(a)
        if m:
            value = m.group(1) if m.group(1) is not None else (args[i + 1] if i + 1 < len(args) else "")
            if _code(value) in LANGS:
                found = _code(value)
    if found:
        return found
    try:
        return pick_lang(None, env)
    except LangError:
        return _locale_lang(os.environ if env is None else env)
