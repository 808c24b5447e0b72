"""Where `-o` writes: every problem found before any work, nothing clobbered, no half files.

`-o` may name a new file, an existing regular file (for a batch, only our own JSONL: see
batch/output.py), or a stream: a character device or a FIFO (`/dev/null`, a named pipe), which
is written straight into and never read, resumed or replaced. Refused, in one line with exit 2
and before the model runs (`check_output`): a symbolic link (refused, not followed: its target
is somewhere the user did not name), a directory, a block device, a socket, a missing folder,
a file that may not be written. Single outputs (a briefing, a report, a schema) are written
whole: to a temporary file in the same folder, flushed, then renamed over the name, so a crash
leaves the old file or the new one, never half of either.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

__all__ = ["Output", "check_output", "write_whole"]


@dataclass(frozen=True)
class Output:
    """A checked `-o` path; `stream` when it is a device or FIFO, written to as it is."""

    path: Path
    stream: bool = False

    def open_records(self, *, append: bool) -> int:
        """A descriptor on the JSONL output, appended to or started afresh, never through a
        link (one put in place after the check is refused by the open itself)."""
        flags = os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0)
        if not self.stream:
            flags |= os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        try:
            return os.open(self.path, flags, 0o666)
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror}") from None


def check_output(name: str) -> Output:
    """What `-o` names, once it is known to be writable without harm; InputError if not."""
    path = Path(name)
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise InputError(f"cannot write {name}: {exc.strerror}") from None
    if mode is not None and stat.S_ISLNK(mode):
        raise InputError(
            f"{name} is a symbolic link; name the file itself (links are not followed)"
        )
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError(f"{name} is a directory, not a file to write")
    stream = mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode))
    if mode is not None and not stat.S_ISREG(mode) and not stream:
        raise InputError(f"{name} is a block device or a socket, not a file to write")
    if not path.parent.is_dir():
        raise InputError(f"cannot write {name}: no such folder {path.parent}")
    writable = os.access(path, os.W_OK) if mode is not None else os.access(path.parent, os.W_OK)
    if not writable or (not stream and not os.access(path.parent, os.W_OK)):
        raise InputError(f"cannot write {name}: permission denied")
    return Output(path, stream)


def write_whole(name: str, text: str) -> None:
    """`text` as the file `name`, all of it or none: a temporary file renamed into place."""
    output = check_output(name)
    if output.stream:
        with os.fdopen(output.open_records(append=False), "w", encoding="utf-8") as stream:
            stream.write(text)
        return
    path = output.path
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".part", dir=path.parent
        )
    except OSError as exc:
        raise InputError(f"cannot write {name}: {exc.strerror}") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write {name}: {exc.strerror}") from None
        raise


def _umask() -> int:
    """The process's umask (read by setting it, as POSIX offers no other way)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
