"""What the commands do, as plain functions: cli.py parses the options and prints."""
