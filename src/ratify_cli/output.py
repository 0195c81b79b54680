"""Writing results: stdout, or a file written atomically that keeps its mode and is never a data file."""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def _umask_mode() -> int:
    """The mode a new file gets under the current umask (0666 minus the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(target: Path, content: str | bytes, make_parents: bool = False) -> None:
    """Write via a temporary file in the same folder, fsync, then rename: a crash leaves the old file whole.

    A symlink is written through to its target (the link stays a link); a replaced file keeps its mode, a new one
    gets the umask's; with `make_parents`, missing folders are created first.
    """
    target = Path(os.path.realpath(target))  # through symlinks, so the link is kept and its target replaced
    folder = target.parent
    if make_parents and not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create folder {folder}: {exc.strerror or exc}") from None
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: folder {folder} does not exist")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = _umask_mode()
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        binary = isinstance(content, bytes)
        with os.fdopen(handle, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "") as stream:
            stream.write(content)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        # Whatever stopped the write (an error, Ctrl-C), the target is untouched and no temporary file is left.
        Path(temp).unlink(missing_ok=True)


def check_not_data(output: Path, protected: Iterable[Path]) -> None:
    """Refuse a target that is (or links to) a file in a protected data folder, existing or one of its data files."""
    resolved = Path(os.path.realpath(output))
    for folder in protected:
        try:
            real = Path(os.path.realpath(folder))
        except OSError:  # pragma: no cover - realpath does not fail on ordinary paths
            continue
        if resolved.parent == real and (resolved.exists() or resolved.name in ("instruments.yaml", "states.yaml")):
            raise OutputError(f"refusing to overwrite {output}: it is a file of the data folder {folder}")


def emit(content: str, output: Path | None, protected: Iterable[Path] = ()) -> None:
    """Send a result to stdout, or to `output` (creating its folder) unless that would overwrite a data file."""
    if output is None or str(output) == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    check_not_data(output, protected)
    if output.is_dir():
        raise OutputError(f"cannot write {output}: it is a folder")
    write_atomic(output, content, make_parents=True)
