"""Tests of ratify_cli.text."""
