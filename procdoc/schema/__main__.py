"""`python -m procdoc.schema`: rewrites the schema's editor hovers, then regenerates the compiled validator."""

import json
from pathlib import Path

from procdoc.schema import validator_code
from procdoc.schema.hovers import layout, with_hovers

here = Path(__file__).parent
source = here / "process.schema.json"
source.write_text(layout(with_hovers(json.loads(source.read_text(encoding="utf-8")))), encoding="utf-8")
(here / "compiled.py").write_text(validator_code(), encoding="utf-8")
