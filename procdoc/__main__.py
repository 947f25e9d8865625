"""`python -m procdoc` runs the command line."""

from procdoc.cli import run

run()
