"""`python -m procdoc.schema` regenerates the compiled validator module."""

from pathlib import Path

from procdoc.schema import validator_code

Path(__file__).with_name("compiled.py").write_text(validator_code(), encoding="utf-8")
