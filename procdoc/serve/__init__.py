"""`procdoc serve`: a live preview of the site while the process files are edited."""
