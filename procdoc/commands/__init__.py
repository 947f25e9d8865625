"""The commands as plain functions: options in, results out; cli.py prints them."""
