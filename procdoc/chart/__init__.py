"""The chart engine shared by every drawing: what a chart holds and where it goes
(`layout`), how its lines run (`routing`), how its text wraps (`text`), and the
one way Graphviz is run (`graphviz`). It knows processes and geometry, never
a page, a file or a format: `render` draws procdoc's own chart from it and
`export` draws BPMN diagrams from it.
"""
