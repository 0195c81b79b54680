"""The fast reader: wherever it returns a value, the strict reader returns the same; anything else it hands over."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ratify_cli.loading import fastyaml
from ratify_cli.loading.findings import Finding
from ratify_cli.loading.yamlsource import YamlProblem, check_layout, read
from tests.conftest import DATA, MINI, TESTS

EXAMPLES = sorted(
    [*DATA.glob("*.yaml"), *MINI.glob("*.yaml"), *(TESTS / "bad").glob("*.yaml"), *(TESTS / "good").rglob("*.yaml")]
)


def strict(text: str):
    """What the strict reader makes of a text: its value, or the Finding that stops it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.yaml"
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        result = read(path)
    return result if isinstance(result, Finding) else result.value


def agrees(text: str) -> bool:
    """The fast reader gives up, or gives exactly the strict reader's value (and never accepts what it refuses)."""
    try:
        check_layout(text)  # the reader's precondition, as in yamlsource.read
        fast = fastyaml.loads(text)
    except (YamlProblem, fastyaml.Unsupported):
        return True
    expected = strict(text)
    assert not isinstance(expected, Finding), f"fast reader accepted what the strict reader refuses: {expected}"
    assert fast == expected
    assert _types(fast) == _types(expected)  # True == 1 and 1 == 1.0: compare the types as well
    return True


def _types(value):
    if isinstance(value, dict):
        return {key: _types(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_types(item) for item in value)
    return type(value).__name__


def test_the_bundled_data_takes_the_fast_path() -> None:
    # The performance of a cold load depends on it: a change of layout that loses it should fail here.
    for name in ("instruments.yaml", "states.yaml"):
        text = (DATA / name).read_text(encoding="utf-8")
        assert fastyaml.loads(text) == strict(text)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_example_file_agrees(path: Path) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: refused before any YAML is read")
    assert agrees(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain words", "plain words"),
        ("1967 Protocol", "1967 Protocol"),
        ("https://example.org/a#b", "https://example.org/a#b"),
        ("2020-02-29", __import__("datetime").date(2020, 2, 29)),
        ("12", 12),
        ("'it''s'", "it's"),
        ('"quoted"', "quoted"),
        ("yes", True),
        ("Off", False),
        ("~", None),
        ("[a, b]", ("a", "b")),
        ("[]", ()),
    ],
)
def test_scalars(value: str, expected: object) -> None:
    assert fastyaml.loads(f"key: {value}\n") == {"key": expected}
    assert agrees(f"key: {value}\n")


@pytest.mark.parametrize(
    "text",
    [
        "key: 012\n",  # an octal number in YAML 1.1
        "key: 1e3\n",
        "key: 2020-1-5\n",
        "key: 2020-02-30\n",
        "key: a # comment\n",
        "key: &anchor a\nother: *anchor\n",
        "key: !!str a\n",
        "key: |\n  block\n",
        "key: {a: 1}\n",
        "key: a: b\n",
        "key: a\nkey: b\n",
        "yes: a\n",
        "key: first\n  continued\n",
        "- a\n- b\n",
        "key:\n\t- a\n",
        "key: 'open\n",
        '"key": a\n',
        "key: \"a\\tb\"\n",
    ],
)
def test_what_it_hands_over(text: str) -> None:
    with pytest.raises(fastyaml.Unsupported):
        fastyaml.loads(text)


SAFE_KEYS = ["code", "events", "a_b", "x", "y", "n", "key"]
RISKY_KEYS = ["yes", "No", "on", "null", "1", "k-2"]
KEYS = st.sampled_from(SAFE_KEYS * 4 + RISKY_KEYS)
SAFE_SCALARS = [
    "word", "two words", "Belém do Pará", "1967 Protocol", "2020-01-01", "12", "0", "'quoted'", "'it''s'",
    "'a # b'", '"dq"', "a#b", "a:b", "http://x.org/a#b", "[a, b]", "[]", "yes", "No", "~", "", "trailing  ",
    "a\u00a0b", "\u00e9t\u00e9",
]
RISKY_SCALARS = [
    "2020-02-30", "2020-1-1", "012", "-3", "1_000", "0x1F", "1e3", "1.5", ".inf", "ON", "y", "null", '"a\\tb"',
    "a: b", "a #c", "[a, 'b']", "[a: b]", "- x", "&a x", "*a", "!!str x", "|", ">", "{a: 1}", "x:", "@x", "`x`",
    "%x", "?x", ",x", "a ,b", "#x", "1:30", "2001-12-14 21:59:43.10 -5",
]
# Mostly values the fast reader accepts, so that its values are compared often; the risky ones test the hand-over.
SCALARS = st.sampled_from(SAFE_SCALARS * 8 + RISKY_SCALARS)


@st.composite
def documents(draw, depth: int = 0) -> str:
    """Block YAML of the shape the data files have, with risky keys, values, indents, comments and blank lines."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(KEYS)
        kind = draw(st.sampled_from(["scalar", "scalar", "map", "list-of-maps", "list-of-scalars"] if depth < 3 else ["scalar"]))
        if kind == "scalar":
            lines.append(f"{key}: {draw(SCALARS)}".rstrip() if draw(st.booleans()) else f"{key}: {draw(SCALARS)}")
            continue
        lines.append(f"{key}:")
        offset = draw(st.sampled_from([0, 2, 2, 3]))
        inner = draw(documents(depth + 1)).split("\n")
        if kind == "map":
            lines.extend(" " * max(offset, 1) + line if line else line for line in inner)
        elif kind == "list-of-maps":
            for _item in range(draw(st.integers(1, 3))):
                body = draw(documents(depth + 1)).split("\n")
                lines.append(" " * offset + "- " + body[0])
                lines.extend(" " * (offset + 2) + line if line else line for line in body[1:])
        else:
            lines.extend(" " * offset + "- " + draw(SCALARS) for _ in range(draw(st.integers(1, 3))))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["", "# a comment", "  # indented comment", "   "])))
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents())
def test_generated_documents_agree(text: str) -> None:
    assert agrees(text + "\n")
