"""Command orchestration: plain functions the thin typer commands in procdoc/cli.py call."""
