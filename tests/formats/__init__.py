"""Tests of ratify_cli.formats."""
