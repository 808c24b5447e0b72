"""Reading local inputs within bounds: files, standard input, and what may not be read by name.

Every read stops one byte past the cap (config.max_input_bytes, 20 MB by default), so
`/dev/zero` or a runaway pipe is a one-line error, not a full memory. By name, only regular
files are read: a FIFO would wait for a writer forever, and a device or socket has no end; pipe
them to standard input instead, where the same cap holds. The file is opened without blocking
and judged by what was opened, so it cannot be swapped for a FIFO between a check and a read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from ..config import max_input_bytes
from ..errors import InputError

__all__ = ["read_file", "read_stream"]

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def read_file(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, at most `limit`; InputError (without the path) when not."""
    limit = max_input_bytes() if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None
    try:
        _check_regular(os.fstat(descriptor), limit)
        if hasattr(os, "O_NONBLOCK"):
            os.set_blocking(descriptor, True)
        file = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with file:
        return _capped(file, limit)


def _check_regular(status: os.stat_result, limit: int) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise InputError("a directory, not a file")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise InputError(
            f"{kind}, not a file: not read by name (it may never end); "
            "pipe it to standard input instead"
        )
    if status.st_size > limit:
        raise _too_large(limit)


def read_stream(stream: BinaryIO, limit: int | None = None) -> bytes:
    """What a stream (standard input) holds, at most `limit` bytes; InputError past it."""
    return _capped(stream, max_input_bytes() if limit is None else limit)


def _capped(stream: BinaryIO, limit: int) -> bytes:
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise _too_large(limit)
    return data


def _too_large(limit: int) -> InputError:
    return InputError(
        f"larger than the input limit of {limit:,} bytes (set SUMMARISER_MAX_INPUT_BYTES "
        "to read more)"
    )
