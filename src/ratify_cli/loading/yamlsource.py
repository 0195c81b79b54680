"""Strict YAML reading: plain values plus the line and column of every path, or located findings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path as FsPath
from typing import Any

import yaml
from msgspec import Struct
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import fastyaml
from .findings import Finding, Path

try:  # the C parser is several times faster; positions and errors are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 40 * 1024 * 1024
"""Larger files are refused before parsing (the world-scale benchmark data is about 16 MB)."""
MAX_DEPTH = 32
"""The data is at most six levels deep; anything deeper is a mistake or an attack."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TAG = "tag:yaml.org,2002:"
_CONSTRUCTOR = SafeConstructor()


class YamlProblem(Exception):
    """A problem that stops reading a file; carries its position."""

    def __init__(self, message: str, line: int = 0, column: int = 0, code: str = "yaml") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.code = code


class Document(Struct, frozen=True):
    """A parsed YAML file: its plain value and a position for each path in it."""

    file: str
    value: Any
    positions: dict[Path, tuple[int, int]]

    def locate(self, path: Path) -> tuple[int, int]:
        """The (line, column) of the longest prefix of `path` that has a position."""
        for end in range(len(path), -1, -1):
            pos = self.positions.get(tuple(path[:end]))
            if pos is not None:
                return pos
        return (1, 1)


def read(path: FsPath, label: str | None = None, fast: bool = False) -> Document | Finding:
    """Read one YAML data file; return its Document, or the Finding that stops it.

    With `fast`, a file in the plain layout the data files use is read by fastyaml.py, much faster, and
    the Document has no positions: a caller that finds a problem in it reads the file again without `fast`.
    """
    name = label or str(path)
    try:
        raw = _read_bytes(path)
        text = _decode(raw)
        check_layout(text)
        if fast:
            try:
                return Document(name, fastyaml.loads(text), {})
            except fastyaml.Unsupported:
                pass  # outside the fast subset, or invalid: the strict reader says which
        node = _compose(text)
        if node is None:
            raise YamlProblem("the file is empty (it holds no YAML document)", 1, 1, "empty")
        positions: dict[Path, tuple[int, int]] = {}
        value = _Builder(positions).build(node, (), 0)
        return Document(name, value, positions)
    except YamlProblem as problem:
        return Finding(name, problem.message, code=problem.code, line=problem.line, column=problem.column)


def _read_bytes(path: FsPath) -> bytes:
    if path.is_dir():
        raise YamlProblem("is a directory, not a YAML file", code="io")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise YamlProblem("no such file", code="io") from None
    except OSError as exc:
        raise YamlProblem(f"cannot be read ({exc.strerror or exc})", code="io") from None
    if len(raw) > MAX_BYTES:
        raise YamlProblem(f"is larger than {MAX_BYTES // (1024 * 1024)} MiB; refusing to parse it", code="size")
    return raw


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem("starts with a byte-order mark (BOM); save the file as UTF-8 without BOM", 1, 1, "encoding")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", line, column, "encoding"
        ) from None


def check_layout(text: str) -> None:
    """Refuse CR line ends, control characters and tab indents (raises YamlProblem with the first one's position)."""
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        raise YamlProblem("has Windows (CRLF) or CR line ends; save it with LF line ends", line, 1, "encoding")
    control = _CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - (text.rfind("\n", 0, control.start()) + 1) + 1
        raise YamlProblem(
            f"control character U+{ord(control.group()):04X} is not allowed (a terminal escape sequence?); remove it",
            line,
            column,
            "control",
        )
    if "\t" not in text:
        return
    for number, row in enumerate(text.split("\n"), start=1):
        stripped = row.lstrip(" ")
        if stripped.startswith("\t"):
            raise YamlProblem(
                "a tab is used for indentation; YAML indents with spaces", number, len(row) - len(stripped) + 1, "tab"
            )


def _compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        raise YamlProblem(
            f"invalid YAML: {message}", (mark.line + 1) if mark else 0, (mark.column + 1) if mark else 0, "yaml"
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"invalid YAML: {exc}", code="yaml") from None


class _Builder:
    """Turns a composed node tree into plain values, checking what PyYAML lets through."""

    def __init__(self, positions: dict[Path, tuple[int, int]]) -> None:
        self.positions = positions
        self.seen: set[int] = set()

    def build(self, node: Node, path: Path, depth: int) -> Any:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.positions.setdefault(path, (line, column))
        if id(node) in self.seen:
            # A node reached twice is an alias: refused, so no alias bomb can expand.
            raise YamlProblem("anchors and aliases (&name / *name) are not allowed in data files", line, column, "alias")
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", line, column, "depth")
        if isinstance(node, (MappingNode, SequenceNode)) and node.tag not in (_TAG + "map", _TAG + "seq"):
            raise YamlProblem(f"the tag {node.tag!r} is not allowed in data files", line, column, "tag")
        if isinstance(node, MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, SequenceNode):
            # Tuples, because the frozen models take tuples in strict mode.
            return tuple(self.build(item, path + (index,), depth + 1) for index, item in enumerate(node.value))
        assert isinstance(node, ScalarNode)
        return _scalar(node)

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key_node.tag == _TAG + "merge":
                raise YamlProblem("merge keys (<<) are not allowed in data files", line, column, "alias")
            if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
                shown = key_node.value if isinstance(key_node, ScalarNode) else "a collection"
                raise YamlProblem(f"key {shown!r} is not a plain string; quote it", line, column, "key")
            key = key_node.value
            if key in out:
                first = self.positions[path + (key,)][0]
                raise YamlProblem(
                    f"duplicate key {key!r} (first at line {first}); YAML would silently keep only the last one",
                    line,
                    column,
                    "duplicate-key",
                )
            self.positions[path + (key,)] = (line, column)
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out


def _scalar(node: ScalarNode) -> Any:
    tag = node.tag
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    if tag == _TAG + "str":
        return node.value
    if tag == _TAG + "null":
        return None
    if tag == _TAG + "bool":
        return _CONSTRUCTOR.construct_yaml_bool(node)
    if tag == _TAG + "int":
        return _CONSTRUCTOR.construct_yaml_int(node)
    if tag == _TAG + "float":
        return _CONSTRUCTOR.construct_yaml_float(node)
    if tag == _TAG + "timestamp":
        if not _DATE.match(node.value):
            raise YamlProblem(f"{node.value!r} is not a date written YYYY-MM-DD", line, column, "date")
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            raise YamlProblem(f"{node.value!r} is not a real calendar date", line, column, "date") from None
    raise YamlProblem(f"the tag {tag!r} is not allowed in data files", line, column, "tag")
