"""The weight assembly and its hash check, run on small part files made here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from summariser.errors import ConfigError
from summariser.providers.embedded import weights


@pytest.fixture
def parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    files = []
    for number in range(1, 4):
        path = tmp_path / "parts" / f"part{number:02d}.bin"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(bytes([number]) * 1000)
        files.append(path)
    monkeypatch.setattr(weights, "_part_files", lambda: files)
    return files


def expect(monkeypatch: pytest.MonkeyPatch, parts: list[Path], digest: str | None = None) -> None:
    data = b"".join(p.read_bytes() for p in parts)
    monkeypatch.setattr(weights, "MODEL_SHA256", digest or hashlib.sha256(data).hexdigest())
    monkeypatch.setattr(weights, "MODEL_BYTES", len(data))


def test_parts_are_assembled_once_and_verified(
    tmp_path: Path, parts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    expect(monkeypatch, parts)
    target = weights.ensure_weights(tmp_path / "cache")
    assert target.read_bytes() == b"".join(p.read_bytes() for p in parts)
    # Second call: the sidecar proves it was verified, so the parts are not read again.
    monkeypatch.setattr(weights, "_part_files", lambda: pytest.fail("parts read again"))
    assert weights.ensure_weights(tmp_path / "cache") == target


def test_a_hash_mismatch_is_refused_and_leaves_nothing(
    tmp_path: Path, parts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    expect(monkeypatch, parts, digest="0" * 64)
    with pytest.raises(ConfigError, match="do not match the published SHA-256"):
        weights.ensure_weights(tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_tampered_cached_file_is_rebuilt(
    tmp_path: Path, parts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    expect(monkeypatch, parts)
    target = weights.ensure_weights(tmp_path / "cache")
    target.write_bytes(b"tampered")
    assert weights.ensure_weights(tmp_path / "cache").read_bytes() != b"tampered"


def test_missing_parts_say_how_to_install_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weights, "find_spec", lambda name: None)
    with pytest.raises(ConfigError, match=r"summariser\[local\]"):
        weights._part_files()


def test_cache_dir_honours_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "own"))
    assert weights.cache_dir() == tmp_path / "own"
    monkeypatch.delenv("SUMMARISER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert weights.cache_dir() == tmp_path / "xdg" / "summariser"
