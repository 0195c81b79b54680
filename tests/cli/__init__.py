"""Tests of the command line: streams, exit codes, everyday use, files written, docs."""
