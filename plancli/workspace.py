"""What one run works on: a registry, its unit table and its progress ledger, each read on demand.

Commands open a ``Workspace`` once instead of loading the pieces themselves, so the rules of where
the unit table and the ledger are found live in one place.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from .ledger.storage import Ledger, default_path, load_ledger
from .registry.loading import load_registry, shipped_registry_path
from .registry.model import Problem, Registry
from .registry.units import UnitTable, load_units
from .repository import registry_path

__all__ = ["Workspace", "open_workspace"]

# The code the ledger's warnings are computed by: a cached list of them is never read by another.
WARNINGS_FROM = ("ledger/recording.py", "ledger/attainment.py", "registry/model.py", "text/actuals.py",
                 "text/quantities.py", "text/numerals.py", "text/deadline.py")


class Workspace:
    """A run's loaded state: the registry and its ledger, with what is derived from them (units,
    records, warnings) built once, when first asked for. (A plain class: a dataclass costs every run
    a share of a millisecond of start-up to build, and nothing compares workspaces.)"""

    def __init__(self, registry: Registry, ledger_path: Path):
        self.registry, self.ledger_path = registry, ledger_path

    def __repr__(self) -> str:
        return f"Workspace({self.registry.path}, {self.ledger_path})"

    @cached_property
    def units(self) -> UnitTable:
        """The shipped unit table, extended by each document's own, plus any unit the registry names
        that no table knows (usable by its exact name)."""
        table = load_units(*unit_files(self.registry))
        return table.with_names(self.registry.unit_names())

    @cached_property
    def records(self) -> Ledger:
        """The ledger's records (read through its cache: each built only when a question needs it)."""
        return load_ledger(self.ledger_path)

    def ledger_warnings(self) -> list[Problem]:
        """Records of the ledger that count nowhere or contradict their value (``file:line`` each).

        They depend on the ledger and the registry only, so they are kept in the cache under both
        digests: an unchanged pair is not checked again record by record."""
        if not self.records:
            return []  # nothing to check: the value readers are not even imported
        from .ledger.cache import remembered

        def check() -> list[Problem]:
            from .ledger.recording import ledger_warnings

            return ledger_warnings(self.registry, self.ledger_path, self.records)

        return remembered("warnings", (self.records.key, self.registry.source_key, str(self.ledger_path)),
                          check, {"Problem": Problem}, WARNINGS_FROM)


def shipped_units_path() -> Path:
    return shipped_registry_path().parent / "units.yaml"


def unit_files(reg: Registry) -> list[Path]:
    """The unit tables of a registry: the shipped one first, then each document's own."""
    files = [shipped_units_path()]
    for d in reg.documents:
        up = d.units_path
        if up is not None and up.resolve() not in {f.resolve() for f in files}:
            files.append(up)
    return files


def open_workspace(registry: str | Path | None = None, progress: str | Path | None = None) -> Workspace:
    """The registry at ``registry`` (default: ``repository.registry_path``) and its ledger: ``progress``, else
    the one the registry names (``ledger:``), else progress.yaml beside the registry file."""
    reg = load_registry(registry_path(registry))
    if progress is not None:
        ledger = Path(progress)
    else:
        ledger = reg.ledger_path or default_path(reg.path)
    return Workspace(reg, ledger)
