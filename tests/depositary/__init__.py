"""Tests of ratify_cli.depositary."""
