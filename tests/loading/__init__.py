"""Tests of ratify_cli.loading."""
