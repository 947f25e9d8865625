"""Publishing: swimlane diagrams (layout, drawing) and manuals (HTML, Markdown)."""
