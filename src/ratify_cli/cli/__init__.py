"""The command line: parse, call one core function, pick a formatter, write, exit. Nothing else."""

from .app import app, main

__all__ = ["app", "main"]
