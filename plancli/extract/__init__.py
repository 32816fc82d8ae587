"""Draft a registry from a plan's source text, so that a person's review is the only step left.

``extract(text, source_name=..., doc_date=..., period=...)`` reads the text of an action plan and returns
a plain structure with the three keys of a registry (``meta``, ``entries``, ``exclusions``, see
docs/registry-format.md); ``to_yaml`` writes it in the registry's own format, ``to_json`` as JSON,
``write_draft`` writes it with its unit table beside it. Every entry carries ``draft: true`` until a
reviewer has checked it. The draft never reads an existing registry: it is built from the text alone,
by general rules:

* ``layout``: plans, sections, tasks and their units;
* ``clauses``: targets and milestones, clause by clause (``metric``: their short names);
* ``draft``: entries and exclusions in the registry's form, and the files.
"""

from __future__ import annotations

from .context import find_doc_date, infer_period
from .draft import extract, parse_period, read_source, to_json, to_yaml, units_yaml, write_draft
from .layout import ExtractError, find_period

__all__ = ["ExtractError", "extract", "to_yaml", "to_json", "units_yaml", "find_doc_date", "find_period", "infer_period",
           "parse_period", "read_source", "write_draft"]
