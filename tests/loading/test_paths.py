"""Where the data lives: the bundled copy is the repository's data/ (in a wheel, a copy of it; in a checkout, it)."""

from __future__ import annotations

from ratify_cli.loading.paths import bundled_data
from tests.conftest import DATA


def test_the_bundled_data_is_the_repositorys() -> None:
    folder = bundled_data()
    for name in ("instruments.yaml", "states.yaml"):
        assert (folder / name).read_bytes() == (DATA / name).read_bytes(), folder
