"""`procdoc lsp`: the language server editors start to show `procdoc check` as you type.

`positions` converts between procdoc's columns and the protocol's,
`project` lints open buffers with the repository around them,
`navigation` finds the reference under the cursor and what it names, and
`server` wires these to the protocol (pygls).
"""
