"""`python -m reader` runs the command-line interface."""

from reader.launch import entry

entry()
