"""Benchmarks for wirediff: hand-labelled seed pairs, a synthetic set, quality and speed runs."""
