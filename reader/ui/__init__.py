"""The Textual interface: a thin layer that renders what the core returns."""
