"""Any well-formed BPMN graph imports without a traceback, into files procdoc can load.

Hypothesis builds processes from every kind of flow node, with flows between
them (loops, duplicates, flows to nothing, gateways chained to gateways),
lanes that list nodes that do not exist, and names with odd characters.
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from hypothesis import given
from hypothesis import strategies as st

from procdoc.importer import convert_bpmn
from procdoc.loader import load_text
from tests.fuzz.test_fuzz import fuzz

TAGS = ["startEvent", "endEvent", "task", "userTask", "callActivity", "exclusiveGateway", "parallelGateway",
        "inclusiveGateway", "complexGateway", "eventBasedGateway", "intermediateCatchEvent", "boundaryEvent",
        "subProcess", "adHocSubProcess", "madeUpElement"]
NAMES = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))


@st.composite
def models(draw: st.DrawFn) -> bytes:
    count = draw(st.integers(1, 12))
    nodes = []
    for index in range(count):
        tag, name = draw(st.sampled_from(TAGS)), draw(NAMES)
        attrs = f' id="N{index}"' + (f" name={quoteattr(_xml(name))}" if name is not None else "")
        if tag == "boundaryEvent":
            attrs += f' attachedToRef="N{draw(st.integers(0, count))}"'
        inner = f'<startEvent id="In{index}"/><task id="InT{index}"/>' if tag.endswith("ubProcess") else ""
        nodes.append(f"<{tag}{attrs}>{inner}</{tag}>")
    flows = draw(st.lists(st.tuples(st.integers(0, count), st.integers(0, count), NAMES), max_size=count * 2))
    for number, (source, target, name) in enumerate(flows):
        label = f" name={quoteattr(_xml(name))}" if name is not None else ""
        nodes.append(f'<sequenceFlow id="F{number}" sourceRef="N{source}" targetRef="N{target}"{label}/>')
    lanes = draw(st.lists(st.lists(st.integers(0, count), max_size=4), max_size=3))
    lane_xml = "".join(f'<lane id="L{i}" name="Lane {i}">' + "".join(f"<flowNodeRef>N{n}</flowNodeRef>" for n in refs)
                       + "</lane>" for i, refs in enumerate(lanes))
    body = (f'<laneSet id="LS">{lane_xml}</laneSet>' if lanes else "") + "".join(nodes)
    return (f'<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">'
            f'<process id="P">{body}</process></definitions>').encode()


def _xml(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"))


@fuzz(60, 0.2)
@given(models())
def test_any_bpmn_graph_imports_into_loadable_files(model: bytes) -> None:
    conversion = convert_bpmn("model.bpmn", model)
    assert conversion.files
    for made in conversion.files:
        loaded = load_text(made.text, made.file_name)
        if loaded.process is None:  # only an empty process is not a process procdoc can load
            assert {d.code for d in loaded.diagnostics} == {"F006"}, [d.message for d in loaded.diagnostics]
