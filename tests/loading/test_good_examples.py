"""Good data passes: the mini fixture, the bundled data, and files with comments and unusual but valid forms."""

from __future__ import annotations

from ratify_cli.cli import app
from ratify_cli.loading.loader import load
from tests.conftest import DATA, MINI


def test_mini_is_valid(runner) -> None:
    result = runner.invoke(app, ["validate", "--data", str(MINI)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("valid: 3 instruments, 4 states, 8 events; 0 error(s), 0 warning(s)")


def test_bundled_data_is_valid() -> None:
    result = load(DATA)
    assert result.errors == ()
    assert len(result.dataset.states) == 35
    assert len(result.dataset.instruments) >= 45


def test_quoted_strings_and_flow_lists_are_fine(mini_copy, runner) -> None:
    states = mini_copy / "states.yaml"
    text = states.read_text(encoding="utf-8").replace("name_en: Canada", "name_en: 'Canada'")
    text = text.replace("    name_es: México\n", "    name_es: \"México\"  # a comment\n")
    states.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--data", str(mini_copy)])
    assert result.exit_code == 0, result.output
