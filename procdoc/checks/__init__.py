"""procdoc check: the rules (`rules/`), the one way to run them (`lint`), and the cache of their results."""
