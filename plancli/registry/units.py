"""Responsible units (单位): canonical names, aliases and the short forms people type.

The source names each unit in its own short official form (省工业和信息化厅, 省发展改革委); people type
省工信厅, 发改委 or 大数据局. ``UnitTable.resolve`` maps any of these to the canonical name:

1. an exact canonical name or alias;
2. the same with the 省 / 山东省 prefix added or removed (大数据局 → 省大数据局);
3. a fragment that occurs in exactly one canonical name or alias (工信 → 省工业和信息化厅); this is
   a guess, so ``match`` reports it and the command line says on stderr which unit it chose.

An ambiguous or unknown name raises ``UnitError`` naming the candidates or the closest names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PlancliError
from ..text.source import squeeze
from ..yamlio.cache import load_yaml_cached
from ..yamlio.reader import DataFileError

__all__ = ["UnitError", "AmbiguousUnitError", "Unit", "UnitTable", "load_units"]


class UnitError(PlancliError, ValueError):
    """A unit name that resolves to no unit, or to several."""


class AmbiguousUnitError(UnitError):
    """A part of a name that several units share."""


@dataclass(frozen=True)
class Unit:
    name: str
    aliases: tuple[str, ...] = ()


_key = squeeze  # 省 科技厅 / full-width variants look up the same unit


@dataclass
class UnitTable:
    units: list[Unit]
    _lookup: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for u in self.units:
            for n in (u.name, *u.aliases):
                self._lookup.setdefault(_key(n), u.name)

    def with_names(self, names: Iterable[str]) -> UnitTable:
        """This table plus every name in ``names`` it does not know, as a unit of its own: a unit the
        table lacks stays usable (``--unit`` by its exact name, counted by ``stats`` and ``units``)."""
        extra = [Unit(n) for n in dict.fromkeys(names) if not self.known(n)]
        return UnitTable(self.units + extra) if extra else self

    def suggest(self, name: str) -> str | None:
        """The known name closest to ``name`` (for 'did you mean')."""
        import difflib  # here, not at the top: only a name not found is looked up (~1 ms of start-up)

        close = difflib.get_close_matches(_key(name), list(self._lookup), n=1, cutoff=0.6)
        return self._lookup[close[0]] if close else None

    def names(self) -> list[str]:
        return [u.name for u in self.units]

    def known(self, name: str) -> bool:
        return _key(name) in self._lookup

    def canonical(self, name: str) -> str:
        """Canonical name of a name written in the registry (exact name or alias only)."""
        return self._lookup.get(_key(name), name)

    def resolve(self, text: str) -> str:
        return self.match(text)[0]

    def match(self, text: str, among: set[str] | None = None) -> tuple[str, bool]:
        """(canonical name, guessed): ``guessed`` when only a part of one unit's name matched
        (rule 3) — the caller says which unit it chose, since 各市 may not mean 各市党委人才工作领导小组.
        ``among`` (canonical names) settles a part shared by several units: 组织部 with --doc of a
        Shandong document means 省委组织部, not Guangzhou's 市委组织部."""
        k = _key(text)
        if not k:
            raise UnitError("units.empty")
        if k in self._lookup:
            return self._lookup[k], False
        for variant in ("省" + k, "山东省" + k, k.removeprefix("山东省"), k.removeprefix("省")):
            if variant in self._lookup:
                return self._lookup[variant], False
        hits = sorted({canon for alias, canon in self._lookup.items() if k in alias})
        if len(hits) > 1 and among is not None and len([h for h in hits if h in among]) == 1:
            hits = [h for h in hits if h in among]
        if len(hits) == 1:
            return hits[0], True
        if len(hits) > 1:
            raise AmbiguousUnitError("units.ambiguous" if len(hits) <= 10 else "units.ambiguous_many", given=text,
                                     shown="、".join(hits[:10]), n=len(hits))
        import difflib

        close = difflib.get_close_matches(k, list(self._lookup), n=3, cutoff=0.4)
        close = list(dict.fromkeys(self._lookup[c] for c in close))
        if close:
            raise UnitError("units.unknown_near", given=text, close="、".join(close))
        raise UnitError("units.unknown", given=text)


def load_units(*paths: str | Path) -> UnitTable:
    """The unit table of one file, or of several: later files extend earlier ones (a document's
    own units.yaml extends the shipped table; a unit named again gains the new aliases)."""
    units: dict[str, Unit] = {}
    for path in paths:
        for u in _read_units(path):
            old = units.get(u.name)
            units[u.name] = u if old is None else Unit(u.name, tuple(dict.fromkeys(old.aliases + u.aliases)))
    return UnitTable(list(units.values()))


def _read_units(path: str | Path) -> list[Unit]:
    doc = load_yaml_cached(path)
    if not isinstance(doc, dict) or not isinstance(doc.get("units"), list):
        raise DataFileError("units.file_shape", path, 1)
    units = []
    for d in doc["units"]:
        if not isinstance(d, dict) or not isinstance(d.get("name"), str):
            raise DataFileError("units.no_name", path, getattr(d, "line", None))
        aliases = d.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise DataFileError("units.bad_aliases", path, getattr(d, "line", None))
        units.append(Unit(d["name"], tuple(aliases)))
    return units
