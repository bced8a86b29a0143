"""reader: a terminal news reader for following one story across many outlets."""

__version__ = "0.1.0"
