"""Words live in one text module per language: every language words every code, and JSON never changes with it."""

from __future__ import annotations

import pytest

from ratify_cli.cli import app
from ratify_cli.text import Lang, en, es, texts
from tests.conftest import MINI, TESTS

GOLDEN = TESTS / "golden" / "es"
COMMANDS = {
    "gaps-state": ["gaps", "-s", "MEX", "--as-of", "2001-03-15"],
    "gaps-instrument": ["gaps", "-i", "conv", "--as-of", "2020-01-01"],
    "gaps-instrument-markdown": ["gaps", "-i", "conv", "--as-of", "2020-01-01", "-f", "markdown"],
    "matrix": ["gaps", "--as-of", "2020-01-01"],
    "status": ["status", "-s", "MEX", "--as-of", "2020-01-01"],
    "changes": ["changes", "--since", "2000-01-01", "--until", "2020-01-01"],
    "instruments": ["instruments"],
    "states": ["states", "--as-of", "2020-01-01", "--all-states"],
    "show-state": ["show", "MEX", "--as-of", "2020-01-01"],
    "show-instrument": ["show", "conv", "--as-of", "2020-01-01"],
    "coverage": ["coverage", "--by", "instrument", "--as-of", "2020-01-01"],
}


def test_every_language_words_every_code() -> None:
    for module in (en, es):
        assert set(module.MESSAGES) == set(en.MESSAGES)
        assert set(module.HEADERS) == set(en.HEADERS)
        assert set(module.MEANINGS) == set(en.MEANINGS)
        assert set(module.FRAME) == set(en.FRAME)
        assert set(module.PAGE) == set(en.PAGE)
    assert texts(Lang.ES) is es and texts(Lang.EN) is en


def test_spanish_dates_and_plurals() -> None:
    import datetime as dt

    assert es.day(dt.date(2005, 6, 7)) == "7 de junio de 2005"
    assert es.plural(1, "party") == "1 parte" and es.plural(2, "party") == "2 partes"
    assert es.plural(0, "instrument") == "0 instrumentos"
    assert es.percent(12.5) == "12,5 %" and es.percent(0.0) == "0,0 %" and en.percent(12.5) == "12.5%"


def _run(runner, args: list[str], lang: str) -> str:
    result = runner.invoke(app, [*args, "--data", str(MINI), "--width", "140", "--lang", lang])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_spanish_golden(runner, mini, name: str) -> None:
    expected = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    assert _run(runner, COMMANDS[name], "es") == expected.format(data=MINI, version=mini.version)


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_do_not_change_with_the_language(runner, name: str, fmt: str) -> None:
    args = [a for a in COMMANDS[name] if a not in ("-f", "markdown")] + ["-f", fmt]
    assert _run(runner, args, "es") == _run(runner, args, "en")


def test_an_unknown_language_is_a_usage_error(runner) -> None:
    result = runner.invoke(app, ["gaps", "-s", "MEX", "--lang", "esp", "--data", str(MINI)])
    assert result.exit_code == 2 and result.stdout == ""
    assert "'esp' is not one of en, es (did you mean 'es'?)" in result.stderr
