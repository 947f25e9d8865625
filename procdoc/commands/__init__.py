"""What each command does, as plain functions: options in, results out.

`procdoc.cli` turns the command line into calls of these and their results
into output and exit codes; nothing here knows typer or rich.
"""
