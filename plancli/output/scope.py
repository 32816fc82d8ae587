"""What a report, calendar or digest covers, in words: ``省大数据局 · 数字变革``, ``全部单位 · 全部计划``."""

from __future__ import annotations

from ..words import joined, say

__all__ = ["filter_scope", "scope_text"]


def filter_scope(reg, f, lang: str) -> str:
    """``scope_text`` of a registry's filters: units, then documents (by number) and plans (short names)."""
    docs = [d.label for d in getattr(reg, "documents", ()) if d.code in (getattr(f, "docs", None) or ())]
    plans = [reg.plans[c].short if c in reg.plans else c for c in f.plans]
    return scope_text(list(f.units), docs + plans, lang)


def scope_text(units: list[str], plans: list[str], lang: str) -> str:
    who = joined(units, lang) if units else say("report.all_units", lang)
    what = joined(plans, lang) if plans else say("report.all_plans", lang)
    return f"{who} · {what}"
