"""bpmnlint's own fixtures, imported: procdoc agrees with bpmnlint's labels, and never crashes."""

from __future__ import annotations

import pytest

from procdoc.errors import UserError
from procdoc.importer import convert_bpmn
from tests.importer.fixtures import FIXTURES, MAPPED, verdicts

DOCUMENTED: set[tuple[str, str]] = set()
"""The disagreements docs/import.md lists and explains (none since S002 accepts starts with their own trigger)."""


@pytest.fixture(autouse=True)
def _fixtures_present() -> None:
    if not FIXTURES.is_dir():
        pytest.skip(f"bpmnlint fixtures not found at {FIXTURES} (../shared/external/bpmnlint-fixtures)")


def test_every_mapped_rule_has_valid_and_invalid_fixtures() -> None:
    rows = verdicts()
    for rule in MAPPED:
        labels = {invalid for r, _, invalid, _ in rows if r == rule}
        assert labels == {True, False}, rule


def test_procdoc_agrees_with_bpmnlint_on_95_percent_and_every_disagreement_is_documented() -> None:
    rows = verdicts()
    disagreements = {(rule, name) for rule, name, invalid, found in rows if invalid != found}
    assert disagreements <= DOCUMENTED, disagreements
    assert 1 - len(disagreements) / len(rows) >= 0.95


def test_no_file_under_the_fixtures_makes_the_importer_crash() -> None:
    files = sorted(p for p in FIXTURES.rglob("*") if p.is_file())
    assert len(files) > 200
    outcomes = {"imported": 0, "refused": 0}
    for path in files:
        try:
            convert_bpmn(str(path), path.read_bytes())
            outcomes["imported"] += 1
        except UserError as err:
            assert str(path) in err.message
            outcomes["refused"] += 1
    assert outcomes["imported"] >= 230 and outcomes["refused"] >= 3  # the .mjs files, README, LICENSE
