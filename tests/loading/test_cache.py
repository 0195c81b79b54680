"""The dataset cache: used when the files are unchanged, never wrong, never in the way."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import msgspec
import pytest

from ratify_cli.cli import app
from ratify_cli.loading import cache
from ratify_cli.loading.loader import load
from tests.conftest import MINI


def entries() -> list[Path]:
    return sorted(cache.folder().glob("*.msgpack"))


def test_a_clean_load_is_cached_and_reused(mini_copy, monkeypatch) -> None:
    first = load(mini_copy)
    assert len(entries()) == 1
    import ratify_cli.loading.validation as validation

    monkeypatch.setattr(validation, "load", lambda *a, **k: pytest.fail("the cache should have answered"))
    second = load(mini_copy)
    assert second.dataset == first.dataset and second.findings == first.findings


def test_any_change_to_a_data_file_misses_the_cache(mini_copy) -> None:
    load(mini_copy)
    states = mini_copy / "states.yaml"
    states.write_text(states.read_text(encoding="utf-8").replace("date: 1999-05-05", "date: 1999-05-06"), encoding="utf-8")
    changed = load(mini_copy)
    usa = changed.dataset.by_code["USA"]
    assert [str(e.date) for e in usa.events] == ["1999-05-06"]
    assert len(entries()) == 2


def test_data_with_errors_is_never_cached(mini_copy) -> None:
    (mini_copy / "states.yaml").write_text("states: [", encoding="utf-8")
    assert load(mini_copy).errors
    assert entries() == []


def test_a_corrupt_cache_falls_back_to_a_full_load(mini_copy) -> None:
    good = load(mini_copy)
    for entry in entries():
        entry.write_bytes(b"not msgpack at all \xc1")
    assert load(mini_copy).dataset == good.dataset


def test_a_foreign_object_in_the_cache_is_ignored(mini_copy) -> None:
    good = load(mini_copy)
    for entry in entries():
        entry.write_bytes(msgspec.msgpack.encode({"not": "a result"}))
    assert load(mini_copy).dataset == good.dataset


class _Boom:
    def __reduce__(self):
        return (pytest.fail, ("a cache file was unpickled",))


def test_a_cache_file_never_runs_code(mini_copy) -> None:
    # The cache folder may be writable by someone else (RATIFY_CACHE_DIR): what is in it is data, decoded against the
    # record types, never unpickled.
    good = load(mini_copy)
    for entry in entries():
        entry.write_bytes(pickle.dumps(_Boom()))
    assert load(mini_copy).dataset == good.dataset


def test_partial_dates_survive_the_cache(mini_copy) -> None:
    from ratify_cli.domain.dates import PartialDate

    states = mini_copy / "states.yaml"
    text = states.read_text(encoding="utf-8")
    assert "date: 2002-01-01" in text
    states.write_text(text.replace("date: 2002-01-01", "date: '2002-01'", 1), encoding="utf-8")
    first = load(mini_copy)
    assert not first.errors, first.errors
    second = load(mini_copy)
    dates = [e.date for s in second.dataset.states for e in s.events]
    assert PartialDate(2002, 1) in dates and second.dataset == first.dataset


def test_an_unwritable_cache_is_ignored(mini_copy, monkeypatch, tmp_path) -> None:
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("RATIFY_CACHE_DIR", str(blocker / "cache"))
    assert load(mini_copy).dataset is not None
    assert load(mini_copy).dataset is not None


def test_no_cache_bypasses_it(runner, mini_copy, monkeypatch) -> None:
    load(mini_copy)
    for entry in entries():
        entry.write_bytes(b"broken")
    calls = []
    import ratify_cli.loading.validation as validation

    real = validation.load
    monkeypatch.setattr(validation, "load", lambda *a, **k: calls.append(1) or real(*a, **k))
    result = runner.invoke(app, ["--no-cache", "gaps", "--data", str(mini_copy), "--state", "MEX"])
    assert result.exit_code == 0 and calls == [1]
    assert [e.read_bytes() for e in entries()] == [b"broken"]  # --no-cache neither reads nor writes it


def test_cache_prunes_old_entries(tmp_path) -> None:
    for index in range(cache.KEEP + 5):
        data = tmp_path / f"d{index}"
        shutil.copytree(MINI, data)
        with (data / "states.yaml").open("a", encoding="utf-8") as handle:
            handle.write(f"# copy {index}\n")
        load(data)
        os.utime(entries()[-1])
    assert len(entries()) <= cache.KEEP


def test_the_key_covers_the_code_that_validates(monkeypatch) -> None:
    package = Path(cache.__file__).parent.parent
    assert package.name == "ratify_cli"
    digest = cache.code_digest()
    assert digest == cache.code_digest()
    read: list[str] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.relative_to(package).as_posix()) or real(self))
    cache.code_digest()
    assert {"domain/records.py", "domain/status.py", "loading/models.py", "loading/rules.py", "loading/cache.py"} <= set(read)
    assert not any(name.startswith(("cli/", "reports/", "formats/")) for name in read)
