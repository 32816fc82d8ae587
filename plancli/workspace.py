"""What one run works on: a registry, its unit table and its progress ledger, each read on demand.

Commands open a ``Workspace`` once instead of loading the pieces themselves, so the rules of where
the unit table and the ledger are found live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .ledger import Record, default_path, load_ledger
from .model import Problem, Registry
from .registry import load_registry
from .units import UnitTable, load_units

__all__ = ["Workspace", "open_workspace"]


@dataclass
class Workspace:
    registry: Registry
    ledger_path: Path

    @cached_property
    def units(self) -> UnitTable:
        return load_units(self.registry.units_path)

    @cached_property
    def records(self) -> list[Record]:
        return load_ledger(self.ledger_path)

    def ledger_warnings(self) -> list[Problem]:
        """Records of the ledger that count nowhere or contradict their value (``file:line`` each)."""
        from .recording import ledger_warnings

        return ledger_warnings(self.registry, self.ledger_path, self.records)


def open_workspace(registry: str | Path | None = None, progress: str | Path | None = None) -> Workspace:
    """The registry at ``registry`` (default: the shipped one) and its ledger (``progress``, else
    the default ledger of that registry)."""
    reg = load_registry(registry)
    return Workspace(reg, Path(progress) if progress is not None else default_path(reg.path))
