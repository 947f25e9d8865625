"""Process files as ruamel.yaml round-trip documents: comments and blank lines kept.

procdoc reads every scalar under a text key as its source text (see
`procdoc.yamlsource`), so `next: 3.10` is step "3.10". ruamel.yaml would
read it as a float and could write it back as `3.1`; here such plain
scalars load as `PlainText`, the exact source text, and are written back
unchanged unless the layout decides to quote them.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.resolver import VersionedResolver

from procdoc.diagnostics import Pos
from procdoc.yamlsource import SourceError

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_RESOLVER = VersionedResolver()
_TYPED_TAGS = ("int", "float", "bool", "timestamp", "binary")
#: ruamel's default, so that ruamel never wraps text itself: folding is the layout's decision
_NO_WRAP = 1 << 30


class PlainText(str):
    """A plain scalar YAML would type (a number, a boolean, a date), kept as its source text."""

    tag: str = "tag:yaml.org,2002:str"


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps scalars as procdoc reads them: plain ones that YAML
    would type as their text, quoted ones as text whatever their tag (`!!bool "true"` is text)."""

    def construct_plain_text(self, node: Any) -> str:
        if node.style:
            return str(node.value)
        text = PlainText(node.value)
        text.tag = str(node.tag)
        return text

    def construct_text(self, node: Any) -> str:
        """A plain scalar tagged `!!str` that reads as a number without the tag (`!!str 1`)."""
        if not node.style:
            implicit = str(self.resolver.resolve(ScalarNode, node.value, (True, False)))
            if implicit not in (_STR_TAG, _NULL_TAG):
                text = PlainText(node.value)
                text.tag = implicit
                return text
        return super().construct_yaml_str(node)  # type: ignore[no-any-return]


class _Representer(RoundTripRepresenter):
    def represent_plain_text(self, data: PlainText) -> Any:
        """Plain, with the tag YAML gives the text anyway: procdoc reads plain text the same whatever
        its tag (`!!bool yes` is `yes`), and a written tag would make the emitter quote it."""
        implicit = str(_RESOLVER.resolve(ScalarNode, str(data), (True, False)))
        if implicit == _NULL_TAG:  # `!!int` with no value is empty text, not null
            return self.represent_scalar(_STR_TAG, str(data), style='"')
        return self.represent_scalar(implicit, str(data))


_Constructor.add_constructor(_STR_TAG, _Constructor.construct_text)
for _name in _TYPED_TAGS:
    _Constructor.add_constructor(f"tag:yaml.org,2002:{_name}", _Constructor.construct_plain_text)
_Representer.add_representer(PlainText, _Representer.represent_plain_text)


def _yaml(preserve_quotes: bool = False) -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = _NO_WRAP
    yaml.allow_unicode = True
    yaml.preserve_quotes = preserve_quotes
    return yaml


def load_document(text: str, path: str = "<text>", *, preserve_quotes: bool = False) -> Any:
    """The round-trip document of `text`; a syntax error is a SourceError with its position.

    `preserve_quotes` keeps each value's quotes as written (fixes change only what they fix).
    """
    try:
        return _yaml(preserve_quotes).load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        pos = Pos(mark.line + 1, mark.column + 1) if mark else Pos(1, 1)
        raise SourceError("F001", pos, f"YAML syntax error: {err.problem or err.context}") from None
    except YAMLError as err:
        raise SourceError("F001", Pos(1, 1), f"YAML error: {err}") from None


def dump_document(document: Any) -> str:
    """The text of a round-trip document, ending in exactly one newline."""
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue().rstrip("\n") + "\n"
