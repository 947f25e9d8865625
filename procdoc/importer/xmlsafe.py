"""Reading an XML file that came from somewhere else, without trusting it.

A BPMN file never needs a DTD, so one with a document type declaration is
refused outright: that closes the entity tricks (external entities reading
local files or the network, "billion laughs" expansion) before any of them
is looked at. The parser itself is set up the same way as a second fence:
no entity resolution, no network, no DTD loading, no huge trees.
"""

from __future__ import annotations

from lxml import etree

from procdoc.errors import UserError

_HINT_DTD = "BPMN files never need a DTD: export the model again from the modelling tool"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )


def parse(path: str, data: bytes) -> etree._Element:
    """The root element of `data`; UserError for XML that is malformed or declares a DTD."""
    if b"<!DOCTYPE" in data[:4096]:
        raise UserError(f"{path}: refused: the file declares a DTD or entities", _HINT_DTD)
    try:
        tree = etree.fromstring(data, _parser()).getroottree()
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (0, 0)
        raise UserError(
            f"{path}:{line}:{column}: not well-formed XML: {err.msg}",
            "open the file in a BPMN modeller and export it again as BPMN 2.0 XML",
        ) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UserError(f"{path}: refused: the file declares a DTD or entities", _HINT_DTD)
    return tree.getroot()
