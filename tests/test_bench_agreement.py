"""bench/annotator_agreement.py scores a second annotation as extract_eval scores a draft."""

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from annotator_agreement import compare  # noqa: E402

FIRST = {
    "period": {"start": date(2024, 1, 1), "end": date(2024, 12, 31)},
    "targets": [
        {"line": 5, "value_text": "500个", "value": 500, "unit": "个", "comparator": "=",
         "deadline": date(2024, 10, 31), "lead": ["市发展改革委"]},
        {"line": 7, "value_text": "6%", "value": 6, "unit": "%", "comparator": "~", "deadline": date(2024, 12, 31)},
    ],
    "milestones": [{"line": 9, "deadline_text": "6月底前", "deadline": date(2024, 6, 30), "lead": ["市财政局"]}],
}


def test_an_annotation_agrees_with_itself():
    r = compare(FIRST, FIRST)
    assert (r["found"], r["expected"], r["draft"]) == (3, 3, 3)
    assert r["vuc"] == [2, 2] and r["deadline"] == [3, 3] and r["lead"] == [2, 2]


@pytest.mark.parametrize("change, field, want", [
    # a second reader who reads the lead otherwise
    (lambda s: s["targets"][0].update(lead=["市工业和信息化局"]), "lead", [1, 2]),
    # … who reads 左右 as "at least"
    (lambda s: s["targets"][1].update(comparator=">="), "vuc", [1, 2]),
    # … who dates the step at the year's end
    (lambda s: s["milestones"][0].update(deadline=date(2024, 12, 31)), "deadline", [2, 3]),
])
def test_a_field_read_otherwise_is_a_disagreement(change, field, want):
    import copy

    second = copy.deepcopy(FIRST)
    change(second)
    assert compare(FIRST, second)[field] == want


def test_an_entry_one_reader_has_and_the_other_not_counts_against_recall_or_precision():
    second = {"targets": FIRST["targets"][:1] + [
        {"line": 11, "value_text": "33个", "value": 33, "unit": "个", "comparator": "=", "deadline": date(2024, 12, 31)}]}
    r = compare(FIRST, second)
    assert (r["found"], r["expected"], r["draft"]) == (1, 3, 2)
