# Generated from process.schema.json by `python -m procdoc.schema`; do not edit.
# ruff: noqa
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^x-': re.compile('^x-'),
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z'),
    '^[^\\s]+$': re.compile('^[^\\s]+\\Z'),
    '^[A-Za-z0-9][A-Za-z0-9._-]*$': re.compile('^[A-Za-z0-9][A-Za-z0-9._-]*\\Z')
}

NoneType = type(None)

def validate_https___procdoc_dev_schema_process_1_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://procdoc.dev/schema/process-1.json', 'title': 'procdoc process (format 1)', 'description': 'One business process (流程) per file. See docs/format.md.', 'type': 'object', 'required': ['procdoc', 'id', 'name', 'lanes', 'steps'], 'additionalProperties': False, 'patternProperties': {'^x-': {'description': 'Your own data; procdoc ignores it.'}}, 'properties': {'procdoc': {'enum': [1, '1.1'], 'description': 'Format version: 1, or 1.1 for joins, alternative starts and segment SLAs. A YAML file without this key is not a process file.'}, 'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'name': {'type': 'string', 'minLength': 1}, 'version': {'type': 'string', 'minLength': 1}, 'status': {'enum': ['draft', 'in-review', 'approved', 'retired'], 'description': 'Life-cycle status.'}, 'category': {'enum': ['strategic', 'business', 'support'], 'description': 'Process family: 战略 / 业务 / 支持.'}, 'parent': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'level': {'enum': ['L1', 'L2', 'L3', 'L4'], 'description': 'Level in the process architecture.'}, 'lang': {'enum': ['zh', 'en'], 'description': 'Language of the text; by default guessed from it.'}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'approved_by': {'type': 'string', 'minLength': 1}, 'effective': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'purpose': {'type': 'string', 'minLength': 1}, 'scope': {'type': 'string', 'minLength': 1}, 'trigger': {'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The real trigger.'}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The warning or routine check that starts an active process on time.'}, 'from_process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'Upstream process whose output starts this one.'}}}, 'outputs': {'type': 'array', 'items': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'to_process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'Downstream process that takes this output.'}}}, 'description': 'Deliverables (输出).'}, 'lanes': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '职责, for the responsibilities table.'}}}, 'description': 'Departments and roles, in drawing order.'}, 'phases': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Bands across the lanes (阶段).'}, 'documents': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Document number or location.'}}}, 'description': 'Guidance: procedures, standards, instructions, forms, templates, rules.'}, 'records': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'keep': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Retention, e.g. "3 years", "永久".'}, 'stored_in': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Where it is kept (OA, ERP, archive).'}, 'form': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The document id of the form it is written on.'}}}, 'description': 'Evidence the process produces (记录).'}, 'steps': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step number, e.g. "3.7".'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Verb + object, or the question of a decision.'}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The lane (department or role) that does the step: one lane id.'}, 'phase': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The phase (band) the step is in: one phase id.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'How it is done (程序).'}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '即时, 30min, 2h, 0.5d, 1 working day, 24小时内, 1个工作日内 …'}, 'inputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'outputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'documents': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Guidance used (document ids).'}, 'records': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Records produced (record ids).'}, 'system': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Information system or transaction (ERP, OA, CRM).'}, 'raci': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/raci'}, 'control': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/control'}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'branches': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/branch'}, 'description': 'Labelled exits.'}, 'process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'For a subprocess step: the id of the process it runs.'}, 'trigger': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'For one of several start steps: what starts the process this way.'}}}, 'description': 'The activities, in reading order.'}, 'emergencies': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The emergency.'}, 'handler': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The step where its handling (应急措施) starts.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Emergencies (紧急情况); [] states there are none.'}, 'kpis': {'type': 'array', 'items': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'definition': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'target': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Near-term target.'}, 'goal': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Long-term goal.'}, 'owner': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}}, 'description': 'Key performance indicators (关键绩效指标).'}, 'sla': {'description': 'Cycle-time standard: text for the whole process ("5 working days", "5个工作日"), or a list of service levels, each for a segment from one step to another.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'What the segment is, e.g. 在店时间.'}, 'from': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment starts; omitted: the start.'}, 'to': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment ends (included); omitted: the end.'}, 'limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The longest the segment may take, a duration: 4小时内, 2 working days.'}}}}]}, 'review_every': {'type': 'string', 'minLength': 1}, 'revisions': {'type': 'array', 'items': {'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'date': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/date'}, 'author': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'reviewed_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'approved_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'changes': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Revision history, oldest first.'}, 'glossary': {'type': 'array', 'items': {'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'definition': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Terms (术语解释).'}, 'references': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'description': 'Referenced rules and documents (引用制度).'}}, '$defs': {'text': {'type': 'string', 'minLength': 1}, 'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'code': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'texts': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'ids': {'type': 'array', 'items': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}, 'party': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'trigger': {'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'type': 'string', 'minLength': 1}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'type': 'string', 'minLength': 1}, 'from_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, 'output': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'description': {'type': 'string', 'minLength': 1}, 'to_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, 'lane': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'type': 'string', 'minLength': 1}}}, 'phase': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}}}, 'document': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'type': 'string', 'minLength': 1}}}, 'record': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'keep': {'type': 'string', 'minLength': 1}, 'stored_in': {'type': 'string', 'minLength': 1}, 'form': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'a': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'c': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'i': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'type': 'string', 'minLength': 1}, 'method': {'type': 'string', 'minLength': 1}, 'record': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'on_fail': {'type': 'string', 'minLength': 1}}}, 'branch': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'type': 'string', 'minLength': 1}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}}}, 'step': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'phase': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'type': 'string', 'minLength': 1}, 'inputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'outputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'documents': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'records': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'system': {'type': 'string', 'minLength': 1}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Responsible: does the work.'}, 'a': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Accountable: approves; exactly one.'}, 'c': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Consulted.'}, 'i': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Informed.'}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Quality standard (质量标准).'}, 'method': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Assessment method (考核办法).'}, 'record': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Record id that holds the result.'}, 'on_fail': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Corrective action: a step id or a sentence.'}}}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'branches': {'type': 'array', 'items': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Exit label: 是/否, Y/N, or the outcome.'}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'description': 'Labelled exits.'}, 'process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'trigger': {'type': 'string', 'minLength': 1}}}, 'sla': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'from': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'to': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'limit': {'type': 'string', 'minLength': 1}}}, 'emergency': {'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'when': {'type': 'string', 'minLength': 1}, 'handler': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}}}, 'kpi': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}, 'target': {'type': 'string', 'minLength': 1}, 'goal': {'type': 'string', 'minLength': 1}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, 'revision': {'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'type': 'string', 'minLength': 1}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'author': {'type': 'string', 'minLength': 1}, 'reviewed_by': {'type': 'string', 'minLength': 1}, 'approved_by': {'type': 'string', 'minLength': 1}, 'changes': {'type': 'string', 'minLength': 1}}}, 'term': {'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['procdoc', 'id', 'name', 'lanes', 'steps']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://procdoc.dev/schema/process-1.json', 'title': 'procdoc process (format 1)', 'description': 'One business process (流程) per file. See docs/format.md.', 'type': 'object', 'required': ['procdoc', 'id', 'name', 'lanes', 'steps'], 'additionalProperties': False, 'patternProperties': {'^x-': {'description': 'Your own data; procdoc ignores it.'}}, 'properties': {'procdoc': {'enum': [1, '1.1'], 'description': 'Format version: 1, or 1.1 for joins, alternative starts and segment SLAs. A YAML file without this key is not a process file.'}, 'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'name': {'type': 'string', 'minLength': 1}, 'version': {'type': 'string', 'minLength': 1}, 'status': {'enum': ['draft', 'in-review', 'approved', 'retired'], 'description': 'Life-cycle status.'}, 'category': {'enum': ['strategic', 'business', 'support'], 'description': 'Process family: 战略 / 业务 / 支持.'}, 'parent': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'level': {'enum': ['L1', 'L2', 'L3', 'L4'], 'description': 'Level in the process architecture.'}, 'lang': {'enum': ['zh', 'en'], 'description': 'Language of the text; by default guessed from it.'}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'approved_by': {'type': 'string', 'minLength': 1}, 'effective': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'purpose': {'type': 'string', 'minLength': 1}, 'scope': {'type': 'string', 'minLength': 1}, 'trigger': {'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The real trigger.'}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The warning or routine check that starts an active process on time.'}, 'from_process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'Upstream process whose output starts this one.'}}}, 'outputs': {'type': 'array', 'items': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'to_process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'Downstream process that takes this output.'}}}, 'description': 'Deliverables (输出).'}, 'lanes': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '职责, for the responsibilities table.'}}}, 'description': 'Departments and roles, in drawing order.'}, 'phases': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Bands across the lanes (阶段).'}, 'documents': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Document number or location.'}}}, 'description': 'Guidance: procedures, standards, instructions, forms, templates, rules.'}, 'records': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'keep': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Retention, e.g. "3 years", "永久".'}, 'stored_in': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Where it is kept (OA, ERP, archive).'}, 'form': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The document id of the form it is written on.'}}}, 'description': 'Evidence the process produces (记录).'}, 'steps': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step number, e.g. "3.7".'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Verb + object, or the question of a decision.'}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The lane (department or role) that does the step: one lane id.'}, 'phase': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The phase (band) the step is in: one phase id.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'How it is done (程序).'}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '即时, 30min, 2h, 0.5d, 1 working day, 24小时内, 1个工作日内 …'}, 'inputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'outputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'documents': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Guidance used (document ids).'}, 'records': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Records produced (record ids).'}, 'system': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Information system or transaction (ERP, OA, CRM).'}, 'raci': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/raci'}, 'control': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/control'}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'branches': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/branch'}, 'description': 'Labelled exits.'}, 'process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'For a subprocess step: the id of the process it runs.'}, 'trigger': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'For one of several start steps: what starts the process this way.'}}}, 'description': 'The activities, in reading order.'}, 'emergencies': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The emergency.'}, 'handler': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The step where its handling (应急措施) starts.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Emergencies (紧急情况); [] states there are none.'}, 'kpis': {'type': 'array', 'items': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'definition': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'target': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Near-term target.'}, 'goal': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Long-term goal.'}, 'owner': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}}, 'description': 'Key performance indicators (关键绩效指标).'}, 'sla': {'description': 'Cycle-time standard: text for the whole process ("5 working days", "5个工作日"), or a list of service levels, each for a segment from one step to another.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'What the segment is, e.g. 在店时间.'}, 'from': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment starts; omitted: the start.'}, 'to': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment ends (included); omitted: the end.'}, 'limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The longest the segment may take, a duration: 4小时内, 2 working days.'}}}}]}, 'review_every': {'type': 'string', 'minLength': 1}, 'revisions': {'type': 'array', 'items': {'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'date': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/date'}, 'author': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'reviewed_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'approved_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'changes': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Revision history, oldest first.'}, 'glossary': {'type': 'array', 'items': {'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'definition': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Terms (术语解释).'}, 'references': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'description': 'Referenced rules and documents (引用制度).'}}, '$defs': {'text': {'type': 'string', 'minLength': 1}, 'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'code': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'texts': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'ids': {'type': 'array', 'items': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}, 'party': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'trigger': {'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'type': 'string', 'minLength': 1}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'type': 'string', 'minLength': 1}, 'from_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, 'output': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'description': {'type': 'string', 'minLength': 1}, 'to_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, 'lane': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'type': 'string', 'minLength': 1}}}, 'phase': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}}}, 'document': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'type': 'string', 'minLength': 1}}}, 'record': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'keep': {'type': 'string', 'minLength': 1}, 'stored_in': {'type': 'string', 'minLength': 1}, 'form': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'a': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'c': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'i': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'type': 'string', 'minLength': 1}, 'method': {'type': 'string', 'minLength': 1}, 'record': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'on_fail': {'type': 'string', 'minLength': 1}}}, 'branch': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'type': 'string', 'minLength': 1}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}}}, 'step': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'phase': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'type': 'string', 'minLength': 1}, 'inputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'outputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'documents': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'records': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'system': {'type': 'string', 'minLength': 1}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Responsible: does the work.'}, 'a': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Accountable: approves; exactly one.'}, 'c': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Consulted.'}, 'i': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Informed.'}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Quality standard (质量标准).'}, 'method': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Assessment method (考核办法).'}, 'record': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Record id that holds the result.'}, 'on_fail': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Corrective action: a step id or a sentence.'}}}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'branches': {'type': 'array', 'items': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Exit label: 是/否, Y/N, or the outcome.'}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'description': 'Labelled exits.'}, 'process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'trigger': {'type': 'string', 'minLength': 1}}}, 'sla': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'from': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'to': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'limit': {'type': 'string', 'minLength': 1}}}, 'emergency': {'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'when': {'type': 'string', 'minLength': 1}, 'handler': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}}}, 'kpi': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}, 'target': {'type': 'string', 'minLength': 1}, 'goal': {'type': 'string', 'minLength': 1}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, 'revision': {'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'type': 'string', 'minLength': 1}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'author': {'type': 'string', 'minLength': 1}, 'reviewed_by': {'type': 'string', 'minLength': 1}, 'approved_by': {'type': 'string', 'minLength': 1}, 'changes': {'type': 'string', 'minLength': 1}}}, 'term': {'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}}}}}, rule='required')
        data_keys = set(data.keys())
        if "procdoc" in data_keys:
            data_keys.remove("procdoc")
            data__procdoc = data["procdoc"]
            if not (isinstance(data__procdoc, (int, float)) and not isinstance(data__procdoc, bool) and data__procdoc == 1 or isinstance(data__procdoc, str) and data__procdoc == '1.1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".procdoc must be one of [1, '1.1']", value=data__procdoc, name="" + (name_prefix or "data") + ".procdoc", definition={'enum': [1, '1.1'], 'description': 'Format version: 1, or 1.1 for joins, alternative starts and segment SLAs. A YAML file without this key is not a process file.'}, rule='enum')
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___procdoc_dev_schema_process_1_json___defs_code(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__version, custom_formats, (name_prefix or "data") + ".version")
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not (isinstance(data__status, str) and data__status == 'draft' or isinstance(data__status, str) and data__status == 'in-review' or isinstance(data__status, str) and data__status == 'approved' or isinstance(data__status, str) and data__status == 'retired'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be one of ['draft', 'in-review', 'approved', 'retired']", value=data__status, name="" + (name_prefix or "data") + ".status", definition={'enum': ['draft', 'in-review', 'approved', 'retired'], 'description': 'Life-cycle status.'}, rule='enum')
        if "category" in data_keys:
            data_keys.remove("category")
            data__category = data["category"]
            if not (isinstance(data__category, str) and data__category == 'strategic' or isinstance(data__category, str) and data__category == 'business' or isinstance(data__category, str) and data__category == 'support'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must be one of ['strategic', 'business', 'support']", value=data__category, name="" + (name_prefix or "data") + ".category", definition={'enum': ['strategic', 'business', 'support'], 'description': 'Process family: 战略 / 业务 / 支持.'}, rule='enum')
        if "parent" in data_keys:
            data_keys.remove("parent")
            data__parent = data["parent"]
            validate_https___procdoc_dev_schema_process_1_json___defs_code(data__parent, custom_formats, (name_prefix or "data") + ".parent")
        if "level" in data_keys:
            data_keys.remove("level")
            data__level = data["level"]
            if not (isinstance(data__level, str) and data__level == 'L1' or isinstance(data__level, str) and data__level == 'L2' or isinstance(data__level, str) and data__level == 'L3' or isinstance(data__level, str) and data__level == 'L4'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".level must be one of ['L1', 'L2', 'L3', 'L4']", value=data__level, name="" + (name_prefix or "data") + ".level", definition={'enum': ['L1', 'L2', 'L3', 'L4'], 'description': 'Level in the process architecture.'}, rule='enum')
        if "lang" in data_keys:
            data_keys.remove("lang")
            data__lang = data["lang"]
            if not (isinstance(data__lang, str) and data__lang == 'zh' or isinstance(data__lang, str) and data__lang == 'en'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lang must be one of ['zh', 'en']", value=data__lang, name="" + (name_prefix or "data") + ".lang", definition={'enum': ['zh', 'en'], 'description': 'Language of the text; by default guessed from it.'}, rule='enum')
        if "owner" in data_keys:
            data_keys.remove("owner")
            data__owner = data["owner"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__owner, custom_formats, (name_prefix or "data") + ".owner")
        if "approved_by" in data_keys:
            data_keys.remove("approved_by")
            data__approvedby = data["approved_by"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__approvedby, custom_formats, (name_prefix or "data") + ".approved_by")
        if "effective" in data_keys:
            data_keys.remove("effective")
            data__effective = data["effective"]
            validate_https___procdoc_dev_schema_process_1_json___defs_date(data__effective, custom_formats, (name_prefix or "data") + ".effective")
        if "purpose" in data_keys:
            data_keys.remove("purpose")
            data__purpose = data["purpose"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__purpose, custom_formats, (name_prefix or "data") + ".purpose")
        if "scope" in data_keys:
            data_keys.remove("scope")
            data__scope = data["scope"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__scope, custom_formats, (name_prefix or "data") + ".scope")
        if "trigger" in data_keys:
            data_keys.remove("trigger")
            data__trigger = data["trigger"]
            validate_https___procdoc_dev_schema_process_1_json___defs_trigger(data__trigger, custom_formats, (name_prefix or "data") + ".trigger")
        if "outputs" in data_keys:
            data_keys.remove("outputs")
            data__outputs = data["outputs"]
            if not isinstance(data__outputs, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".outputs must be array", value=data__outputs, name="" + (name_prefix or "data") + ".outputs", definition={'type': 'array', 'items': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'to_process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'Downstream process that takes this output.'}}}, 'description': 'Deliverables (输出).'}, rule='type')
            data__outputs_is_list = isinstance(data__outputs, (list, tuple))
            if data__outputs_is_list:
                data__outputs_len = len(data__outputs)
                for data__outputs_x, data__outputs_item in enumerate(data__outputs):
                    validate_https___procdoc_dev_schema_process_1_json___defs_output(data__outputs_item, custom_formats, (name_prefix or "data") + f".outputs[{data__outputs_x}]")
        if "lanes" in data_keys:
            data_keys.remove("lanes")
            data__lanes = data["lanes"]
            if not isinstance(data__lanes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".lanes must be array", value=data__lanes, name="" + (name_prefix or "data") + ".lanes", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '职责, for the responsibilities table.'}}}, 'description': 'Departments and roles, in drawing order.'}, rule='type')
            data__lanes_is_list = isinstance(data__lanes, (list, tuple))
            if data__lanes_is_list:
                data__lanes_len = len(data__lanes)
                if data__lanes_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".lanes must contain at least 1 items", value=data__lanes, name="" + (name_prefix or "data") + ".lanes", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '职责, for the responsibilities table.'}}}, 'description': 'Departments and roles, in drawing order.'}, rule='minItems')
                for data__lanes_x, data__lanes_item in enumerate(data__lanes):
                    validate_https___procdoc_dev_schema_process_1_json___defs_lane(data__lanes_item, custom_formats, (name_prefix or "data") + f".lanes[{data__lanes_x}]")
        if "phases" in data_keys:
            data_keys.remove("phases")
            data__phases = data["phases"]
            if not isinstance(data__phases, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".phases must be array", value=data__phases, name="" + (name_prefix or "data") + ".phases", definition={'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Bands across the lanes (阶段).'}, rule='type')
            data__phases_is_list = isinstance(data__phases, (list, tuple))
            if data__phases_is_list:
                data__phases_len = len(data__phases)
                for data__phases_x, data__phases_item in enumerate(data__phases):
                    validate_https___procdoc_dev_schema_process_1_json___defs_phase(data__phases_item, custom_formats, (name_prefix or "data") + f".phases[{data__phases_x}]")
        if "documents" in data_keys:
            data_keys.remove("documents")
            data__documents = data["documents"]
            if not isinstance(data__documents, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".documents must be array", value=data__documents, name="" + (name_prefix or "data") + ".documents", definition={'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Document number or location.'}}}, 'description': 'Guidance: procedures, standards, instructions, forms, templates, rules.'}, rule='type')
            data__documents_is_list = isinstance(data__documents, (list, tuple))
            if data__documents_is_list:
                data__documents_len = len(data__documents)
                for data__documents_x, data__documents_item in enumerate(data__documents):
                    validate_https___procdoc_dev_schema_process_1_json___defs_document(data__documents_item, custom_formats, (name_prefix or "data") + f".documents[{data__documents_x}]")
        if "records" in data_keys:
            data_keys.remove("records")
            data__records = data["records"]
            if not isinstance(data__records, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".records must be array", value=data__records, name="" + (name_prefix or "data") + ".records", definition={'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'keep': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Retention, e.g. "3 years", "永久".'}, 'stored_in': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Where it is kept (OA, ERP, archive).'}, 'form': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The document id of the form it is written on.'}}}, 'description': 'Evidence the process produces (记录).'}, rule='type')
            data__records_is_list = isinstance(data__records, (list, tuple))
            if data__records_is_list:
                data__records_len = len(data__records)
                for data__records_x, data__records_item in enumerate(data__records):
                    validate_https___procdoc_dev_schema_process_1_json___defs_record(data__records_item, custom_formats, (name_prefix or "data") + f".records[{data__records_x}]")
        if "steps" in data_keys:
            data_keys.remove("steps")
            data__steps = data["steps"]
            if not isinstance(data__steps, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps must be array", value=data__steps, name="" + (name_prefix or "data") + ".steps", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step number, e.g. "3.7".'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Verb + object, or the question of a decision.'}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The lane (department or role) that does the step: one lane id.'}, 'phase': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The phase (band) the step is in: one phase id.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'How it is done (程序).'}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '即时, 30min, 2h, 0.5d, 1 working day, 24小时内, 1个工作日内 …'}, 'inputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'outputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'documents': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Guidance used (document ids).'}, 'records': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Records produced (record ids).'}, 'system': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Information system or transaction (ERP, OA, CRM).'}, 'raci': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/raci'}, 'control': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/control'}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'branches': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/branch'}, 'description': 'Labelled exits.'}, 'process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'For a subprocess step: the id of the process it runs.'}, 'trigger': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'For one of several start steps: what starts the process this way.'}}}, 'description': 'The activities, in reading order.'}, rule='type')
            data__steps_is_list = isinstance(data__steps, (list, tuple))
            if data__steps_is_list:
                data__steps_len = len(data__steps)
                if data__steps_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".steps must contain at least 1 items", value=data__steps, name="" + (name_prefix or "data") + ".steps", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step number, e.g. "3.7".'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Verb + object, or the question of a decision.'}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The lane (department or role) that does the step: one lane id.'}, 'phase': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The phase (band) the step is in: one phase id.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'How it is done (程序).'}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '即时, 30min, 2h, 0.5d, 1 working day, 24小时内, 1个工作日内 …'}, 'inputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'outputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'documents': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Guidance used (document ids).'}, 'records': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Records produced (record ids).'}, 'system': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Information system or transaction (ERP, OA, CRM).'}, 'raci': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/raci'}, 'control': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/control'}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'branches': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/branch'}, 'description': 'Labelled exits.'}, 'process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'For a subprocess step: the id of the process it runs.'}, 'trigger': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'For one of several start steps: what starts the process this way.'}}}, 'description': 'The activities, in reading order.'}, rule='minItems')
                for data__steps_x, data__steps_item in enumerate(data__steps):
                    validate_https___procdoc_dev_schema_process_1_json___defs_step(data__steps_item, custom_formats, (name_prefix or "data") + f".steps[{data__steps_x}]")
        if "emergencies" in data_keys:
            data_keys.remove("emergencies")
            data__emergencies = data["emergencies"]
            if not isinstance(data__emergencies, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".emergencies must be array", value=data__emergencies, name="" + (name_prefix or "data") + ".emergencies", definition={'type': 'array', 'items': {'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The emergency.'}, 'handler': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The step where its handling (应急措施) starts.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Emergencies (紧急情况); [] states there are none.'}, rule='type')
            data__emergencies_is_list = isinstance(data__emergencies, (list, tuple))
            if data__emergencies_is_list:
                data__emergencies_len = len(data__emergencies)
                for data__emergencies_x, data__emergencies_item in enumerate(data__emergencies):
                    validate_https___procdoc_dev_schema_process_1_json___defs_emergency(data__emergencies_item, custom_formats, (name_prefix or "data") + f".emergencies[{data__emergencies_x}]")
        if "kpis" in data_keys:
            data_keys.remove("kpis")
            data__kpis = data["kpis"]
            if not isinstance(data__kpis, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kpis must be array", value=data__kpis, name="" + (name_prefix or "data") + ".kpis", definition={'type': 'array', 'items': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'definition': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'target': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Near-term target.'}, 'goal': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Long-term goal.'}, 'owner': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}}, 'description': 'Key performance indicators (关键绩效指标).'}, rule='type')
            data__kpis_is_list = isinstance(data__kpis, (list, tuple))
            if data__kpis_is_list:
                data__kpis_len = len(data__kpis)
                for data__kpis_x, data__kpis_item in enumerate(data__kpis):
                    validate_https___procdoc_dev_schema_process_1_json___defs_kpi(data__kpis_item, custom_formats, (name_prefix or "data") + f".kpis[{data__kpis_x}]")
        if "sla" in data_keys:
            data_keys.remove("sla")
            data__sla = data["sla"]
            data__sla_one_of_count1 = 0
            if data__sla_one_of_count1 < 2:
                try:
                    validate_https___procdoc_dev_schema_process_1_json___defs_text(data__sla, custom_formats, (name_prefix or "data") + ".sla")
                    data__sla_one_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__sla_one_of_count1 < 2:
                try:
                    if not isinstance(data__sla, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sla must be array", value=data__sla, name="" + (name_prefix or "data") + ".sla", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'What the segment is, e.g. 在店时间.'}, 'from': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment starts; omitted: the start.'}, 'to': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment ends (included); omitted: the end.'}, 'limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The longest the segment may take, a duration: 4小时内, 2 working days.'}}}}, rule='type')
                    data__sla_is_list = isinstance(data__sla, (list, tuple))
                    if data__sla_is_list:
                        data__sla_len = len(data__sla)
                        if data__sla_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sla must contain at least 1 items", value=data__sla, name="" + (name_prefix or "data") + ".sla", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'What the segment is, e.g. 在店时间.'}, 'from': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment starts; omitted: the start.'}, 'to': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment ends (included); omitted: the end.'}, 'limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The longest the segment may take, a duration: 4小时内, 2 working days.'}}}}, rule='minItems')
                        for data__sla_x, data__sla_item in enumerate(data__sla):
                            validate_https___procdoc_dev_schema_process_1_json___defs_sla(data__sla_item, custom_formats, (name_prefix or "data") + f".sla[{data__sla_x}]")
                    data__sla_one_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__sla_one_of_count1 != 1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sla must be valid exactly by one definition" + (" (" + str(data__sla_one_of_count1) + " matches found)"), value=data__sla, name="" + (name_prefix or "data") + ".sla", definition={'description': 'Cycle-time standard: text for the whole process ("5 working days", "5个工作日"), or a list of service levels, each for a segment from one step to another.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'What the segment is, e.g. 在店时间.'}, 'from': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment starts; omitted: the start.'}, 'to': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment ends (included); omitted: the end.'}, 'limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The longest the segment may take, a duration: 4小时内, 2 working days.'}}}}]}, rule='oneOf')
        if "review_every" in data_keys:
            data_keys.remove("review_every")
            data__reviewevery = data["review_every"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__reviewevery, custom_formats, (name_prefix or "data") + ".review_every")
        if "revisions" in data_keys:
            data_keys.remove("revisions")
            data__revisions = data["revisions"]
            if not isinstance(data__revisions, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".revisions must be array", value=data__revisions, name="" + (name_prefix or "data") + ".revisions", definition={'type': 'array', 'items': {'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'date': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/date'}, 'author': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'reviewed_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'approved_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'changes': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Revision history, oldest first.'}, rule='type')
            data__revisions_is_list = isinstance(data__revisions, (list, tuple))
            if data__revisions_is_list:
                data__revisions_len = len(data__revisions)
                for data__revisions_x, data__revisions_item in enumerate(data__revisions):
                    validate_https___procdoc_dev_schema_process_1_json___defs_revision(data__revisions_item, custom_formats, (name_prefix or "data") + f".revisions[{data__revisions_x}]")
        if "glossary" in data_keys:
            data_keys.remove("glossary")
            data__glossary = data["glossary"]
            if not isinstance(data__glossary, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".glossary must be array", value=data__glossary, name="" + (name_prefix or "data") + ".glossary", definition={'type': 'array', 'items': {'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'definition': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Terms (术语解释).'}, rule='type')
            data__glossary_is_list = isinstance(data__glossary, (list, tuple))
            if data__glossary_is_list:
                data__glossary_len = len(data__glossary)
                for data__glossary_x, data__glossary_item in enumerate(data__glossary):
                    validate_https___procdoc_dev_schema_process_1_json___defs_term(data__glossary_item, custom_formats, (name_prefix or "data") + f".glossary[{data__glossary_x}]")
        if "references" in data_keys:
            data_keys.remove("references")
            data__references = data["references"]
            if not isinstance(data__references, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".references must be array", value=data__references, name="" + (name_prefix or "data") + ".references", definition={'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'description': 'Referenced rules and documents (引用制度).'}, rule='type')
            data__references_is_list = isinstance(data__references, (list, tuple))
            if data__references_is_list:
                data__references_len = len(data__references)
                for data__references_x, data__references_item in enumerate(data__references):
                    validate_https___procdoc_dev_schema_process_1_json___defs_text(data__references_item, custom_formats, (name_prefix or "data") + f".references[{data__references_x}]")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://procdoc.dev/schema/process-1.json', 'title': 'procdoc process (format 1)', 'description': 'One business process (流程) per file. See docs/format.md.', 'type': 'object', 'required': ['procdoc', 'id', 'name', 'lanes', 'steps'], 'additionalProperties': False, 'patternProperties': {'^x-': {'description': 'Your own data; procdoc ignores it.'}}, 'properties': {'procdoc': {'enum': [1, '1.1'], 'description': 'Format version: 1, or 1.1 for joins, alternative starts and segment SLAs. A YAML file without this key is not a process file.'}, 'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'name': {'type': 'string', 'minLength': 1}, 'version': {'type': 'string', 'minLength': 1}, 'status': {'enum': ['draft', 'in-review', 'approved', 'retired'], 'description': 'Life-cycle status.'}, 'category': {'enum': ['strategic', 'business', 'support'], 'description': 'Process family: 战略 / 业务 / 支持.'}, 'parent': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'level': {'enum': ['L1', 'L2', 'L3', 'L4'], 'description': 'Level in the process architecture.'}, 'lang': {'enum': ['zh', 'en'], 'description': 'Language of the text; by default guessed from it.'}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'approved_by': {'type': 'string', 'minLength': 1}, 'effective': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'purpose': {'type': 'string', 'minLength': 1}, 'scope': {'type': 'string', 'minLength': 1}, 'trigger': {'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The real trigger.'}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The warning or routine check that starts an active process on time.'}, 'from_process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'Upstream process whose output starts this one.'}}}, 'outputs': {'type': 'array', 'items': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'to_process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'Downstream process that takes this output.'}}}, 'description': 'Deliverables (输出).'}, 'lanes': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '职责, for the responsibilities table.'}}}, 'description': 'Departments and roles, in drawing order.'}, 'phases': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Bands across the lanes (阶段).'}, 'documents': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Document number or location.'}}}, 'description': 'Guidance: procedures, standards, instructions, forms, templates, rules.'}, 'records': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'keep': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Retention, e.g. "3 years", "永久".'}, 'stored_in': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Where it is kept (OA, ERP, archive).'}, 'form': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The document id of the form it is written on.'}}}, 'description': 'Evidence the process produces (记录).'}, 'steps': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step number, e.g. "3.7".'}, 'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Verb + object, or the question of a decision.'}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The lane (department or role) that does the step: one lane id.'}, 'phase': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The phase (band) the step is in: one phase id.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'How it is done (程序).'}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': '即时, 30min, 2h, 0.5d, 1 working day, 24小时内, 1个工作日内 …'}, 'inputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'outputs': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/texts'}, 'documents': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Guidance used (document ids).'}, 'records': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/ids', 'description': 'Records produced (record ids).'}, 'system': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Information system or transaction (ERP, OA, CRM).'}, 'raci': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/raci'}, 'control': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/control'}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'branches': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/branch'}, 'description': 'Labelled exits.'}, 'process': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/code', 'description': 'For a subprocess step: the id of the process it runs.'}, 'trigger': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'For one of several start steps: what starts the process this way.'}}}, 'description': 'The activities, in reading order.'}, 'emergencies': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}, 'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The emergency.'}, 'handler': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'The step where its handling (应急措施) starts.'}, 'description': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Emergencies (紧急情况); [] states there are none.'}, 'kpis': {'type': 'array', 'items': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'definition': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'target': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Near-term target.'}, 'goal': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Long-term goal.'}, 'owner': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}}, 'description': 'Key performance indicators (关键绩效指标).'}, 'sla': {'description': 'Cycle-time standard: text for the whole process ("5 working days", "5个工作日"), or a list of service levels, each for a segment from one step to another.', 'oneOf': [{'type': 'string', 'minLength': 1}, {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'What the segment is, e.g. 在店时间.'}, 'from': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment starts; omitted: the start.'}, 'to': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Step where the segment ends (included); omitted: the end.'}, 'limit': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'The longest the segment may take, a duration: 4小时内, 2 working days.'}}}}]}, 'review_every': {'type': 'string', 'minLength': 1}, 'revisions': {'type': 'array', 'items': {'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'date': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/date'}, 'author': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'reviewed_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'approved_by': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'changes': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Revision history, oldest first.'}, 'glossary': {'type': 'array', 'items': {'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}, 'definition': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}}, 'description': 'Terms (术语解释).'}, 'references': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}, 'description': 'Referenced rules and documents (引用制度).'}}, '$defs': {'text': {'type': 'string', 'minLength': 1}, 'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'code': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'texts': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'ids': {'type': 'array', 'items': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}, 'party': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'trigger': {'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'type': 'string', 'minLength': 1}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'type': 'string', 'minLength': 1}, 'from_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, 'output': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'description': {'type': 'string', 'minLength': 1}, 'to_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, 'lane': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'type': 'string', 'minLength': 1}}}, 'phase': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}}}, 'document': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'type': 'string', 'minLength': 1}}}, 'record': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'keep': {'type': 'string', 'minLength': 1}, 'stored_in': {'type': 'string', 'minLength': 1}, 'form': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'a': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'c': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'i': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'type': 'string', 'minLength': 1}, 'method': {'type': 'string', 'minLength': 1}, 'record': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'on_fail': {'type': 'string', 'minLength': 1}}}, 'branch': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'type': 'string', 'minLength': 1}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}}}, 'step': {'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'phase': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'type': 'string', 'minLength': 1}, 'inputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'outputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'documents': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'records': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'system': {'type': 'string', 'minLength': 1}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Responsible: does the work.'}, 'a': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Accountable: approves; exactly one.'}, 'c': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Consulted.'}, 'i': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Informed.'}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Quality standard (质量标准).'}, 'method': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Assessment method (考核办法).'}, 'record': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Record id that holds the result.'}, 'on_fail': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Corrective action: a step id or a sentence.'}}}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'branches': {'type': 'array', 'items': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Exit label: 是/否, Y/N, or the outcome.'}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'description': 'Labelled exits.'}, 'process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'trigger': {'type': 'string', 'minLength': 1}}}, 'sla': {'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'from': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'to': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'limit': {'type': 'string', 'minLength': 1}}}, 'emergency': {'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'when': {'type': 'string', 'minLength': 1}, 'handler': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}}}, 'kpi': {'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}, 'target': {'type': 'string', 'minLength': 1}, 'goal': {'type': 'string', 'minLength': 1}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, 'revision': {'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'type': 'string', 'minLength': 1}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'author': {'type': 'string', 'minLength': 1}, 'reviewed_by': {'type': 'string', 'minLength': 1}, 'approved_by': {'type': 'string', 'minLength': 1}, 'changes': {'type': 'string', 'minLength': 1}}}, 'term': {'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}}}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_term(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['term', 'definition']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "term" in data_keys:
            data_keys.remove("term")
            data__term = data["term"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__term, custom_formats, (name_prefix or "data") + ".term")
        if "definition" in data_keys:
            data_keys.remove("definition")
            data__definition = data["definition"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__definition, custom_formats, (name_prefix or "data") + ".definition")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['term', 'definition'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'term': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_revision(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'type': 'string', 'minLength': 1}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'author': {'type': 'string', 'minLength': 1}, 'reviewed_by': {'type': 'string', 'minLength': 1}, 'approved_by': {'type': 'string', 'minLength': 1}, 'changes': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['version', 'date']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'type': 'string', 'minLength': 1}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'author': {'type': 'string', 'minLength': 1}, 'reviewed_by': {'type': 'string', 'minLength': 1}, 'approved_by': {'type': 'string', 'minLength': 1}, 'changes': {'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__version, custom_formats, (name_prefix or "data") + ".version")
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            validate_https___procdoc_dev_schema_process_1_json___defs_date(data__date, custom_formats, (name_prefix or "data") + ".date")
        if "author" in data_keys:
            data_keys.remove("author")
            data__author = data["author"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__author, custom_formats, (name_prefix or "data") + ".author")
        if "reviewed_by" in data_keys:
            data_keys.remove("reviewed_by")
            data__reviewedby = data["reviewed_by"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__reviewedby, custom_formats, (name_prefix or "data") + ".reviewed_by")
        if "approved_by" in data_keys:
            data_keys.remove("approved_by")
            data__approvedby = data["approved_by"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__approvedby, custom_formats, (name_prefix or "data") + ".approved_by")
        if "changes" in data_keys:
            data_keys.remove("changes")
            data__changes = data["changes"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__changes, custom_formats, (name_prefix or "data") + ".changes")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['version', 'date'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'version': {'type': 'string', 'minLength': 1}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'author': {'type': 'string', 'minLength': 1}, 'reviewed_by': {'type': 'string', 'minLength': 1}, 'approved_by': {'type': 'string', 'minLength': 1}, 'changes': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_sla(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'from': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'to': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'limit': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'limit']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'from': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'to': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'limit': {'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "from" in data_keys:
            data_keys.remove("from")
            data__from = data["from"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__from, custom_formats, (name_prefix or "data") + ".from")
        if "to" in data_keys:
            data_keys.remove("to")
            data__to = data["to"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__to, custom_formats, (name_prefix or "data") + ".to")
        if "limit" in data_keys:
            data_keys.remove("limit")
            data__limit = data["limit"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__limit, custom_formats, (name_prefix or "data") + ".limit")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'description': 'A service level for a segment of the process.', 'required': ['name', 'limit'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'from': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'to': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'limit': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_kpi(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}, 'target': {'type': 'string', 'minLength': 1}, 'goal': {'type': 'string', 'minLength': 1}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}, 'target': {'type': 'string', 'minLength': 1}, 'goal': {'type': 'string', 'minLength': 1}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, rule='required')
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "definition" in data_keys:
            data_keys.remove("definition")
            data__definition = data["definition"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__definition, custom_formats, (name_prefix or "data") + ".definition")
        if "target" in data_keys:
            data_keys.remove("target")
            data__target = data["target"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__target, custom_formats, (name_prefix or "data") + ".target")
        if "goal" in data_keys:
            data_keys.remove("goal")
            data__goal = data["goal"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__goal, custom_formats, (name_prefix or "data") + ".goal")
        if "owner" in data_keys:
            data_keys.remove("owner")
            data__owner = data["owner"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__owner, custom_formats, (name_prefix or "data") + ".owner")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'definition': {'type': 'string', 'minLength': 1}, 'target': {'type': 'string', 'minLength': 1}, 'goal': {'type': 'string', 'minLength': 1}, 'owner': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_emergency(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'when': {'type': 'string', 'minLength': 1}, 'handler': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'when']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'when': {'type': 'string', 'minLength': 1}, 'handler': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "when" in data_keys:
            data_keys.remove("when")
            data__when = data["when"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__when, custom_formats, (name_prefix or "data") + ".when")
        if "handler" in data_keys:
            data_keys.remove("handler")
            data__handler = data["handler"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__handler, custom_formats, (name_prefix or "data") + ".handler")
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__description, custom_formats, (name_prefix or "data") + ".description")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'when'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'when': {'type': 'string', 'minLength': 1}, 'handler': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_step(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'phase': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'type': 'string', 'minLength': 1}, 'inputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'outputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'documents': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'records': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'system': {'type': 'string', 'minLength': 1}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Responsible: does the work.'}, 'a': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Accountable: approves; exactly one.'}, 'c': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Consulted.'}, 'i': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Informed.'}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Quality standard (质量标准).'}, 'method': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Assessment method (考核办法).'}, 'record': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Record id that holds the result.'}, 'on_fail': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Corrective action: a step id or a sentence.'}}}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'branches': {'type': 'array', 'items': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Exit label: 是/否, Y/N, or the outcome.'}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'description': 'Labelled exits.'}, 'process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'trigger': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'phase': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'type': 'string', 'minLength': 1}, 'inputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'outputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'documents': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'records': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'system': {'type': 'string', 'minLength': 1}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Responsible: does the work.'}, 'a': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Accountable: approves; exactly one.'}, 'c': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Consulted.'}, 'i': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Informed.'}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Quality standard (质量标准).'}, 'method': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Assessment method (考核办法).'}, 'record': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Record id that holds the result.'}, 'on_fail': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Corrective action: a step id or a sentence.'}}}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'branches': {'type': 'array', 'items': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Exit label: 是/否, Y/N, or the outcome.'}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'description': 'Labelled exits.'}, 'process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'trigger': {'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "type" in data_keys:
            data_keys.remove("type")
            data__type = data["type"]
            if not (isinstance(data__type, str) and data__type == 'start' or isinstance(data__type, str) and data__type == 'task' or isinstance(data__type, str) and data__type == 'decision' or isinstance(data__type, str) and data__type == 'subprocess' or isinstance(data__type, str) and data__type == 'join' or isinstance(data__type, str) and data__type == 'end'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".type must be one of ['start', 'task', 'decision', 'subprocess', 'join', 'end']", value=data__type, name="" + (name_prefix or "data") + ".type", definition={'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, rule='enum')
        else: data["type"] = 'task'
        if "lane" in data_keys:
            data_keys.remove("lane")
            data__lane = data["lane"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__lane, custom_formats, (name_prefix or "data") + ".lane")
        if "phase" in data_keys:
            data_keys.remove("phase")
            data__phase = data["phase"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__phase, custom_formats, (name_prefix or "data") + ".phase")
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__description, custom_formats, (name_prefix or "data") + ".description")
        if "key" in data_keys:
            data_keys.remove("key")
            data__key = data["key"]
            if not isinstance(data__key, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".key must be boolean", value=data__key, name="" + (name_prefix or "data") + ".key", definition={'type': 'boolean', 'description': 'Key step (关键环节).'}, rule='type')
        if "time_limit" in data_keys:
            data_keys.remove("time_limit")
            data__timelimit = data["time_limit"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__timelimit, custom_formats, (name_prefix or "data") + ".time_limit")
        if "inputs" in data_keys:
            data_keys.remove("inputs")
            data__inputs = data["inputs"]
            validate_https___procdoc_dev_schema_process_1_json___defs_texts(data__inputs, custom_formats, (name_prefix or "data") + ".inputs")
        if "outputs" in data_keys:
            data_keys.remove("outputs")
            data__outputs = data["outputs"]
            validate_https___procdoc_dev_schema_process_1_json___defs_texts(data__outputs, custom_formats, (name_prefix or "data") + ".outputs")
        if "documents" in data_keys:
            data_keys.remove("documents")
            data__documents = data["documents"]
            validate_https___procdoc_dev_schema_process_1_json___defs_ids(data__documents, custom_formats, (name_prefix or "data") + ".documents")
        if "records" in data_keys:
            data_keys.remove("records")
            data__records = data["records"]
            validate_https___procdoc_dev_schema_process_1_json___defs_ids(data__records, custom_formats, (name_prefix or "data") + ".records")
        if "system" in data_keys:
            data_keys.remove("system")
            data__system = data["system"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__system, custom_formats, (name_prefix or "data") + ".system")
        if "raci" in data_keys:
            data_keys.remove("raci")
            data__raci = data["raci"]
            validate_https___procdoc_dev_schema_process_1_json___defs_raci(data__raci, custom_formats, (name_prefix or "data") + ".raci")
        if "control" in data_keys:
            data_keys.remove("control")
            data__control = data["control"]
            validate_https___procdoc_dev_schema_process_1_json___defs_control(data__control, custom_formats, (name_prefix or "data") + ".control")
        if "next" in data_keys:
            data_keys.remove("next")
            data__next = data["next"]
            data__next_one_of_count2 = 0
            if data__next_one_of_count2 < 2:
                try:
                    validate_https___procdoc_dev_schema_process_1_json___defs_id(data__next, custom_formats, (name_prefix or "data") + ".next")
                    data__next_one_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__next_one_of_count2 < 2:
                try:
                    validate_https___procdoc_dev_schema_process_1_json___defs_ids(data__next, custom_formats, (name_prefix or "data") + ".next")
                    data__next_one_of_count2 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__next_one_of_count2 != 1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".next must be valid exactly by one definition" + (" (" + str(data__next_one_of_count2) + " matches found)"), value=data__next, name="" + (name_prefix or "data") + ".next", definition={'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, rule='oneOf')
        if "branches" in data_keys:
            data_keys.remove("branches")
            data__branches = data["branches"]
            if not isinstance(data__branches, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".branches must be array", value=data__branches, name="" + (name_prefix or "data") + ".branches", definition={'type': 'array', 'items': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Exit label: 是/否, Y/N, or the outcome.'}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'description': 'Labelled exits.'}, rule='type')
            data__branches_is_list = isinstance(data__branches, (list, tuple))
            if data__branches_is_list:
                data__branches_len = len(data__branches)
                for data__branches_x, data__branches_item in enumerate(data__branches):
                    validate_https___procdoc_dev_schema_process_1_json___defs_branch(data__branches_item, custom_formats, (name_prefix or "data") + f".branches[{data__branches_x}]")
        if "process" in data_keys:
            data_keys.remove("process")
            data__process = data["process"]
            validate_https___procdoc_dev_schema_process_1_json___defs_code(data__process, custom_formats, (name_prefix or "data") + ".process")
        if "trigger" in data_keys:
            data_keys.remove("trigger")
            data__trigger = data["trigger"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__trigger, custom_formats, (name_prefix or "data") + ".trigger")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['start', 'task', 'decision', 'subprocess', 'join', 'end'], 'default': 'task'}, 'lane': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'phase': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'description': {'type': 'string', 'minLength': 1}, 'key': {'type': 'boolean', 'description': 'Key step (关键环节).'}, 'time_limit': {'type': 'string', 'minLength': 1}, 'inputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'outputs': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text'}}, 'documents': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'records': {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}, 'system': {'type': 'string', 'minLength': 1}, 'raci': {'type': 'object', 'additionalProperties': False, 'properties': {'r': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Responsible: does the work.'}, 'a': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Accountable: approves; exactly one.'}, 'c': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Consulted.'}, 'i': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/party', 'description': 'Informed.'}}}, 'control': {'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Quality standard (质量标准).'}, 'method': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Assessment method (考核办法).'}, 'record': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id', 'description': 'Record id that holds the result.'}, 'on_fail': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Corrective action: a step id or a sentence.'}}}, 'next': {'description': 'The following step id, or a list for parallel paths.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, 'branches': {'type': 'array', 'items': {'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/text', 'description': 'Exit label: 是/否, Y/N, or the outcome.'}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, 'description': 'Labelled exits.'}, 'process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, 'trigger': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_branch(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'type': 'string', 'minLength': 1}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['next']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'type': 'string', 'minLength': 1}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}}}, rule='required')
        data_keys = set(data.keys())
        if "when" in data_keys:
            data_keys.remove("when")
            data__when = data["when"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__when, custom_formats, (name_prefix or "data") + ".when")
        if "next" in data_keys:
            data_keys.remove("next")
            data__next = data["next"]
            data__next_one_of_count3 = 0
            if data__next_one_of_count3 < 2:
                try:
                    validate_https___procdoc_dev_schema_process_1_json___defs_id(data__next, custom_formats, (name_prefix or "data") + ".next")
                    data__next_one_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__next_one_of_count3 < 2:
                try:
                    validate_https___procdoc_dev_schema_process_1_json___defs_ids(data__next, custom_formats, (name_prefix or "data") + ".next")
                    data__next_one_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if data__next_one_of_count3 != 1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".next must be valid exactly by one definition" + (" (" + str(data__next_one_of_count3) + " matches found)"), value=data__next, name="" + (name_prefix or "data") + ".next", definition={'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, rule='oneOf')
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['next'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'when': {'type': 'string', 'minLength': 1}, 'next': {'description': 'The step this exit leads to, or a list of steps that then run in parallel.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_control(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'type': 'string', 'minLength': 1}, 'method': {'type': 'string', 'minLength': 1}, 'record': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'on_fail': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "standard" in data_keys:
            data_keys.remove("standard")
            data__standard = data["standard"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__standard, custom_formats, (name_prefix or "data") + ".standard")
        if "method" in data_keys:
            data_keys.remove("method")
            data__method = data["method"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__method, custom_formats, (name_prefix or "data") + ".method")
        if "record" in data_keys:
            data_keys.remove("record")
            data__record = data["record"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__record, custom_formats, (name_prefix or "data") + ".record")
        if "on_fail" in data_keys:
            data_keys.remove("on_fail")
            data__onfail = data["on_fail"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__onfail, custom_formats, (name_prefix or "data") + ".on_fail")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'description': 'Control point (控制点).', 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'standard': {'type': 'string', 'minLength': 1}, 'method': {'type': 'string', 'minLength': 1}, 'record': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'on_fail': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_raci(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'properties': {'r': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'a': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'c': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'i': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        if "r" in data_keys:
            data_keys.remove("r")
            data__r = data["r"]
            validate_https___procdoc_dev_schema_process_1_json___defs_party(data__r, custom_formats, (name_prefix or "data") + ".r")
        if "a" in data_keys:
            data_keys.remove("a")
            data__a = data["a"]
            validate_https___procdoc_dev_schema_process_1_json___defs_party(data__a, custom_formats, (name_prefix or "data") + ".a")
        if "c" in data_keys:
            data_keys.remove("c")
            data__c = data["c"]
            validate_https___procdoc_dev_schema_process_1_json___defs_party(data__c, custom_formats, (name_prefix or "data") + ".c")
        if "i" in data_keys:
            data_keys.remove("i")
            data__i = data["i"]
            validate_https___procdoc_dev_schema_process_1_json___defs_party(data__i, custom_formats, (name_prefix or "data") + ".i")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'properties': {'r': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'a': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'c': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}, 'i': {'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'$ref': '#/$defs/id'}, {'$ref': '#/$defs/ids'}]}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_party(data, custom_formats={}, name_prefix=None):
    data_one_of_count4 = 0
    if data_one_of_count4 < 2:
        try:
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data, custom_formats, (name_prefix or "data") + "")
            data_one_of_count4 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count4 < 2:
        try:
            validate_https___procdoc_dev_schema_process_1_json___defs_ids(data, custom_formats, (name_prefix or "data") + "")
            data_one_of_count4 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count4 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition" + (" (" + str(data_one_of_count4) + " matches found)"), value=data, name="" + (name_prefix or "data") + "", definition={'description': 'One lane id, or a list of lane ids.', 'oneOf': [{'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, {'type': 'array', 'items': {'$ref': 'https://procdoc.dev/schema/process-1.json#/$defs/id'}}]}, rule='oneOf')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_ids(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'array', 'items': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data_item, custom_formats, (name_prefix or "data") + f"[{data_x}]")
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_texts(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        data_len = len(data)
        for data_x, data_item in enumerate(data):
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data_item, custom_formats, (name_prefix or "data") + f"[{data_x}]")
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_record(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'keep': {'type': 'string', 'minLength': 1}, 'stored_in': {'type': 'string', 'minLength': 1}, 'form': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'keep': {'type': 'string', 'minLength': 1}, 'stored_in': {'type': 'string', 'minLength': 1}, 'form': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "keep" in data_keys:
            data_keys.remove("keep")
            data__keep = data["keep"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__keep, custom_formats, (name_prefix or "data") + ".keep")
        if "stored_in" in data_keys:
            data_keys.remove("stored_in")
            data__storedin = data["stored_in"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__storedin, custom_formats, (name_prefix or "data") + ".stored_in")
        if "form" in data_keys:
            data_keys.remove("form")
            data__form = data["form"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__form, custom_formats, (name_prefix or "data") + ".form")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'keep': {'type': 'string', 'minLength': 1}, 'stored_in': {'type': 'string', 'minLength': 1}, 'form': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_document(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'procedure' or isinstance(data__kind, str) and data__kind == 'standard' or isinstance(data__kind, str) and data__kind == 'instruction' or isinstance(data__kind, str) and data__kind == 'form' or isinstance(data__kind, str) and data__kind == 'template' or isinstance(data__kind, str) and data__kind == 'rule'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, rule='enum')
        if "ref" in data_keys:
            data_keys.remove("ref")
            data__ref = data["ref"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__ref, custom_formats, (name_prefix or "data") + ".ref")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['procedure', 'standard', 'instruction', 'form', 'template', 'rule']}, 'ref': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_phase(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_lane(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'type': 'string', 'minLength': 1}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___procdoc_dev_schema_process_1_json___defs_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'external' or isinstance(data__kind, str) and data__kind == 'department' or isinstance(data__kind, str) and data__kind == 'role' or isinstance(data__kind, str) and data__kind == 'system'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['external', 'department', 'role', 'system']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['external', 'department', 'role', 'system']}, rule='enum')
        if "duties" in data_keys:
            data_keys.remove("duties")
            data__duties = data["duties"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__duties, custom_formats, (name_prefix or "data") + ".duties")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['id', 'name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'id': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, 'name': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['external', 'department', 'role', 'system']}, 'duties': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_output(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'description': {'type': 'string', 'minLength': 1}, 'to_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'description': {'type': 'string', 'minLength': 1}, 'to_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, rule='required')
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__description, custom_formats, (name_prefix or "data") + ".description")
        if "to_process" in data_keys:
            data_keys.remove("to_process")
            data__toprocess = data["to_process"]
            validate_https___procdoc_dev_schema_process_1_json___defs_code(data__toprocess, custom_formats, (name_prefix or "data") + ".to_process")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['name'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'name': {'type': 'string', 'minLength': 1}, 'description': {'type': 'string', 'minLength': 1}, 'to_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_trigger(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'type': 'string', 'minLength': 1}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'type': 'string', 'minLength': 1}, 'from_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['description']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'type': 'string', 'minLength': 1}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'type': 'string', 'minLength': 1}, 'from_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, rule='required')
        data_keys = set(data.keys())
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__description, custom_formats, (name_prefix or "data") + ".description")
        if "mode" in data_keys:
            data_keys.remove("mode")
            data__mode = data["mode"]
            if not (isinstance(data__mode, str) and data__mode == 'passive' or isinstance(data__mode, str) and data__mode == 'active'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".mode must be one of ['passive', 'active']", value=data__mode, name="" + (name_prefix or "data") + ".mode", definition={'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, rule='enum')
        if "assured_by" in data_keys:
            data_keys.remove("assured_by")
            data__assuredby = data["assured_by"]
            validate_https___procdoc_dev_schema_process_1_json___defs_text(data__assuredby, custom_formats, (name_prefix or "data") + ".assured_by")
        if "from_process" in data_keys:
            data_keys.remove("from_process")
            data__fromprocess = data["from_process"]
            validate_https___procdoc_dev_schema_process_1_json___defs_code(data__fromprocess, custom_formats, (name_prefix or "data") + ".from_process")
        for data_key, data_val in data.items():
            if REGEX_PATTERNS['^x-'].search(data_key):
                if data_key in data_keys:
                    data_keys.remove(data_key)
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'description': 'Start point (启动点).', 'required': ['description'], 'additionalProperties': False, 'patternProperties': {'^x-': {}}, 'properties': {'description': {'type': 'string', 'minLength': 1}, 'mode': {'enum': ['passive', 'active'], 'description': 'passive: something arrives; active: we start it and must ensure it starts on time.'}, 'assured_by': {'type': 'string', 'minLength': 1}, 'from_process': {'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}}}, rule='additionalProperties')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, rule='pattern')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_id(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, rule='minLength')
        if data_len > 64:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 64 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, rule='maxLength')
        if not REGEX_PATTERNS['^[^\\s]+$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[^\\s]+$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[^\\s]+$'}, rule='pattern')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_text(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
    return data

def validate_https___procdoc_dev_schema_process_1_json___defs_code(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, rule='minLength')
        if data_len > 64:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 64 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, rule='maxLength')
        if not REGEX_PATTERNS['^[A-Za-z0-9][A-Za-z0-9._-]*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[A-Za-z0-9][A-Za-z0-9._-]*$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'maxLength': 64, 'pattern': '^[A-Za-z0-9][A-Za-z0-9._-]*$'}, rule='pattern')
    return data