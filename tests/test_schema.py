"""The JSON Schema as editors read it: every property explained, closed sets as enums, examples that validate.

yaml-language-server (the engine of VS Code's YAML extension, Neovim's
yamlls, Helix, Zed) reads `description`/`markdownDescription` for hovers,
`enum` for completion of values and `examples` for completion snippets.
"""

from __future__ import annotations

import json

import pytest
from jsonschema.validators import Draft7Validator, validator_for

from procdoc.config import _UNIT_KINDS
from procdoc.model import STEP_TYPES
from procdoc.schema import schema, schema_text
from procdoc.schema.hovers import layout, properties, with_hovers

CLOSED_SETS = {
    "procdoc", "status", "category", "level", "lang", "trigger.mode", "lane.kind", "document.kind", "step.type",
}


ALL = dict(properties(schema()))


def test_the_schema_is_draft_07_and_the_loader_validates_with_that_draft() -> None:
    assert schema()["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert validator_for(schema()) is Draft7Validator
    Draft7Validator.check_schema(schema())


def test_the_hovers_are_current() -> None:
    text = schema_text()
    assert layout(with_hovers(json.loads(text))) == text, "run `python -m procdoc.schema`"


def test_there_are_many_properties() -> None:
    assert len(ALL) > 90


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_property_has_a_description_examples_and_a_markdown_hover(name: str) -> None:
    prop = ALL[name]
    assert len(prop.get("description", "")) >= 10, name
    assert prop["markdownDescription"].startswith(prop["description"])
    assert prop["examples"], name
    key = name.rsplit(".", 1)[-1]
    assert f"```yaml\n{key}:" in prop["markdownDescription"]


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_example_is_valid(name: str) -> None:
    validator = Draft7Validator(schema())
    for example in ALL[name]["examples"]:
        assert not list(validator.evolve(schema=ALL[name]).iter_errors(example)), (name, example)


def test_closed_sets_are_enums() -> None:
    assert {name for name, prop in ALL.items() if "enum" in prop} == CLOSED_SETS
    assert tuple(ALL["step.type"]["enum"]) == STEP_TYPES
    assert set(ALL["lane.kind"]["enum"]) == _UNIT_KINDS


@pytest.mark.parametrize("name", sorted(CLOSED_SETS))
def test_the_hover_of_a_closed_set_lists_its_values(name: str) -> None:
    prop = ALL[name]
    assert "One of: " + ", ".join(f"`{value}`" for value in prop["enum"]) + "." in prop["markdownDescription"]
