"""The hand annotations the bench measures extract against write each target in the registry's form."""

from __future__ import annotations

import pytest
import yaml

from .conftest import ROOT

_FILES = sorted((ROOT / "bench" / "documents").glob("*.expected.yaml")) + sorted(
    (ROOT / "bench" / "agreement").glob("*.second.yaml"))


@pytest.mark.parametrize("path", _FILES, ids=[p.name for p in _FILES])
def test_a_targets_value_is_in_base_units(path):
    """43.92万亩 is value 439200, unit 亩, as the registry stores it (docs/registry-format.md) — not 43.92 万亩: an
    annotator of round twenty-seven wrote twenty values so, and the bench counted the same quantities as disagreeing."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    scaled = [(t["line"], t["value_text"], t.get("unit")) for t in doc.get("targets") or []
              if str(t.get("unit") or "")[:1] in ("万", "亿")]
    assert not scaled, f"{path.name}: units with a scale (write the base unit and scale the value): {scaled}"
