"""The packages are layers: imports flow one way (cli -> reports/formats/text/export -> query/loading -> domain), no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "ratify_cli"
ALLOWED = {
    "version": set(),
    "domain": set(),
    "errors": set(),
    "output": {"errors"},
    "query": {"domain", "errors"},
    "loading": {"domain", "query", "errors", "output"},
    "reports": {"domain", "query", "errors"},
    "text": {"domain", "reports"},
    "formats": {"domain", "loading", "reports", "text"},
    "depositary": {"domain", "query", "loading", "reports", "errors", "output"},
    "export": {"domain", "query", "errors", "output"},
    "api": {"domain", "query", "loading", "reports", "errors"},
    "cli": {
        "api", "domain", "query", "loading", "reports", "text", "formats", "depositary", "export", "errors", "output",
    },
    "__init__": {"api"},
    "__main__": {"cli"},
}
"""Which layers each layer may import (its own modules always, and `version` anywhere)."""
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The ratify modules a module imports (at any depth, outside `if TYPE_CHECKING:`)."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package and name != "__init__" else name.split(".")[:-1]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking(node):
            return
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                full = f"{target}.{alias.name}".strip(".")
                found.add(full if full in modules else (target or "__init__"))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _layer(module: str) -> str:
    return module.split(".")[0]


def test_every_layer_imports_only_the_layers_below_it() -> None:
    wrong = [
        f"{module} imports {target}"
        for module, targets in _graph().items()
        for target in targets
        if _layer(target) not in (_layer(module), "version") and _layer(target) not in ALLOWED[_layer(module)]
    ]
    assert wrong == []


def test_there_are_no_import_cycles() -> None:
    graph = _graph()
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                walk(target)
        stack.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module)
    assert cycles == []


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, path in _modules().items() if (n := len(path.read_text().splitlines())) > MAX_LINES}
    assert long == {}


def test_every_module_says_what_it_holds() -> None:
    missing = [name for name, path in _modules().items() if ast.get_docstring(ast.parse(path.read_text())) is None]
    assert missing == []
