"""Reproducible speed and quality measurements; `python -m benchmarks --help`."""
