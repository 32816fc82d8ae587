"""Start-up: a run builds only the command it runs; ``--help`` lists every command from its help text
without building any (issue 27: click would build all 19 commands' parameters to print one line each)."""

from __future__ import annotations

import pytest

from plancli.cli import application


def test_help_lists_every_command_without_building_one(cli, monkeypatch):
    def boom(name):
        raise AssertionError(f"built {name}")

    monkeypatch.setattr(application, "build_command", boom)
    r = cli("--help")
    assert r.code == 0
    listed = [ln.split()[0] for ln in r.out.split("Commands:")[1].splitlines() if ln.strip()]
    assert listed == list(application.COMMAND_MODULES)
    assert "  due " in r.out and "List open deadlines, soonest first" in r.out


@pytest.mark.parametrize("name", ["due", "validate", "record", "bulletin", "init", "extract"])
def test_a_command_still_builds_its_own_help(cli, name):
    r = cli(name, "--help")
    assert r.code == 0 and f"Usage: plancli {name}" in r.out and "Example:" in r.out
