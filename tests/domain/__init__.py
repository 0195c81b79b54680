"""Tests of ratify_cli.domain."""
