"""Writing results: stdout, or a file written atomically that is never one of the input data files."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Optional

from .errors import OutputError


def write_atomic(target: Path, content: str | bytes) -> None:
    """Write via a temporary file in the same folder, fsync, then rename: a crash leaves the old file whole."""
    folder = target.resolve().parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: folder {folder} does not exist")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        binary = isinstance(content, bytes)
        with os.fdopen(handle, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        # Whatever stopped the write (an error, Ctrl-C), the target is untouched and no temporary file is left.
        Path(temp).unlink(missing_ok=True)


def emit(content: str, output: Optional[Path], protected: Iterable[Path] = ()) -> None:
    """Send a result to stdout, or to `output` unless that would overwrite a protected (input) file."""
    if output is None or str(output) == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    resolved = output.resolve()
    for path in protected:
        if path.exists() and resolved == path.resolve():
            raise OutputError(f"refusing to overwrite the input data file {path}")
    if resolved.is_dir():
        raise OutputError(f"cannot write {output}: it is a folder")
    write_atomic(output, content)
