"""Docs that tests keep honest: the data-model page and the README's commands."""

from __future__ import annotations

import importlib.util
import re

from ratify_cli.cli import app
from tests.conftest import REPO

spec = importlib.util.spec_from_file_location("data_model_doc", REPO / "scripts" / "data_model_doc.py")
data_model_doc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(data_model_doc)


def test_data_model_doc_is_current() -> None:
    assert (REPO / "docs" / "data-model.md").read_text(encoding="utf-8") == data_model_doc.render()


def test_readme_examples_run(runner) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"\| `(ratify [a-z][^`]*)` \|$", readme, flags=re.M)
    assert len(examples) >= 10
    for example in examples:
        args = example.split()[1:]
        if args[0] in ("schema", "sync", "check-links", "report", "export"):
            continue  # they write files or need the network: tests/depositary/, the HTML and export tests run them
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (example, result.output)


def test_readme_completeness_table_is_the_commands_output(runner) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- coverage: ", 1)[1].split("<!-- /coverage -->", 1)[0]
    command, shown = block.split(" -->\n", 1)
    assert command.startswith("ratify coverage ")
    result = runner.invoke(app, [*command.split()[1:], "--data", str(REPO / "data")], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    printed = [line for line in result.stdout.splitlines() if line.startswith("|") or " pairs as of " in line]
    assert [line for line in shown.strip().splitlines() if line] == printed
