"""`procdoc check --fix`: rules' fixes applied to the round-trip document, comments and layout kept."""
