from __future__ import annotations

from dataclasses import Field, fields
from pathlib import Path
from typing import Any

import pytest

from summariser.config import EMBEDDED, Options, Settings, batch_cache_path, cache_dir
from summariser.errors import ConfigError
from summariser.redaction import redact
from tests.support import CANARY_KEY


def test_no_endpoint_means_the_embedded_model() -> None:
    settings = Settings.resolve(env={})
    assert settings.embedded and settings.model == EMBEDDED and settings.base_url is None


def test_openai_key_alone_means_openai_with_a_default_model() -> None:
    settings = Settings.resolve(env={"OPENAI_API_KEY": CANARY_KEY})
    assert not settings.embedded and settings.model == "gpt-4o-mini"
    assert settings.base_url is None  # the SDK's default endpoint
    assert CANARY_KEY not in repr(settings)


def test_own_prefix_wins_over_openai_variables_and_arguments_win_over_both() -> None:
    env = {
        "OPENAI_BASE_URL": "http://openai-var/v1",
        "SUMMARISER_BASE_URL": "http://own-var/v1",
        "SUMMARISER_MODEL": "qwen2.5:7b",
    }
    assert Settings.resolve(env=env).base_url == "http://own-var/v1"
    settings = Settings.resolve(base_url="http://arg/v1", model="m", env=env)
    assert (settings.base_url, settings.model) == ("http://arg/v1", "m")


def test_model_embedded_forces_the_local_model_even_with_a_key() -> None:
    settings = Settings.resolve(model="embedded", env={"OPENAI_API_KEY": CANARY_KEY})
    assert settings.embedded and settings.api_key is None


@pytest.mark.parametrize(
    "env",
    [
        {"SUMMARISER_BASE_URL": "localhost:8000"},
        {"SUMMARISER_MODE": "xml"},
        {"SUMMARISER_TIMEOUT": "soon"},
        {"SUMMARISER_REASKS": "-1"},
        {"SUMMARISER_VET": "maybe"},
    ],
)
def test_bad_settings_are_config_errors(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.resolve(env={"OPENAI_API_KEY": "x", **env})


def test_allegations_are_vetted_by_default_only_where_the_threshold_was_chosen() -> None:
    """The embedded model answering in turn: its margins set the threshold, and its cache
    still holds the article when the questions come. An endpoint vets when asked to."""
    embedded = {"SUMMARISER_MODEL": "embedded"}
    assert Settings.resolve(env=embedded).vets
    assert not Settings.resolve(env={**embedded, "SUMMARISER_PARALLEL": "4"}).vets
    assert not Settings.resolve(env={**embedded, "SUMMARISER_VET": "off"}).vets
    endpoint = {"OPENAI_API_KEY": CANARY_KEY}
    assert not Settings.resolve(env=endpoint).vets
    assert Settings.resolve(env={**endpoint, "SUMMARISER_VET": "on"}).vets


def test_redact_removes_given_secrets_and_key_shapes() -> None:
    message = f"bad key {CANARY_KEY} and sk-proj-abcdef123456 and sk-abc***xyz9"
    cleaned = redact(message, CANARY_KEY)
    assert "sk-" not in cleaned and cleaned.count("[redacted]") == 3


def test_the_keyword_options_are_the_settings_fields() -> None:
    """`Summariser(**options)` is typed by `Options`: it must name every field, and no other."""
    assert set(Options.__annotations__) == {f.name for f in fields(Settings)}


def sample(option: Field[Any]) -> tuple[str, object]:
    """A value for the option as a variable holds it, and as the settings read it."""
    special = {
        "mode": ("TOOLS", "tools"),
        "model": ("qwen2.5:7b", "qwen2.5:7b"),
        "vet": ("On", "on"),
    }
    by_kind = {"_number": ("7.5", 7.5), "_whole": ("7", 7)}
    url = ("http://sample.example/v1", "http://sample.example/v1")
    return special.get(option.name) or by_kind.get(option.metadata["parse"].__name__, url)


WITH_VARIABLES = [f for f in fields(Settings) if f.metadata["env"]]


@pytest.mark.parametrize("option", WITH_VARIABLES, ids=[f.name for f in WITH_VARIABLES])
def test_every_option_is_read_from_each_of_its_variables_and_an_argument_wins(
    option: Field[Any],
) -> None:
    raw, value = sample(option)
    base = {"OPENAI_API_KEY": CANARY_KEY, "SUMMARISER_MODEL": "m"}  # a remote endpoint
    for variable in option.metadata["env"]:
        resolved = Settings.resolve(env={**base, variable: raw})
        assert getattr(resolved, option.name) == value, variable
    env = {**base, option.metadata["env"][0]: raw}
    given = Settings.resolve(env=env, **{option.name: None})
    assert getattr(given, option.name) == value  # None is "not given"
    argument: Any = {"mode": "json", "model": "gpt-4o", "vet": "off"}.get(option.name)
    argument = argument or (9 if isinstance(value, int | float) else "http://argument.example/v1")
    assert getattr(Settings.resolve(env=env, **{option.name: argument}), option.name) == argument


def test_the_client_gets_the_options_it_takes_and_secrets_stay_out_of_sight() -> None:
    env = {
        "OPENAI_API_KEY": CANARY_KEY,
        "OPENAI_BASE_URL": "http://remote.example/v1",
        "OPENAI_ORG_ID": "org-canary-123456",
        "SUMMARISER_TIMEOUT": "12",
        "SUMMARISER_RETRIES": "4",
    }
    settings = Settings.resolve(env=env)
    assert settings.client_options() == {
        "api_key": CANARY_KEY,
        "base_url": "http://remote.example/v1",
        "organization": "org-canary-123456",
        "project": None,
        "timeout": 12.0,
        "max_retries": 4,
    }
    assert settings.secrets() == (CANARY_KEY, "org-canary-123456")
    assert CANARY_KEY not in repr(settings) and "org-canary" not in repr(settings)


def test_defaults_that_depend_on_the_model_and_explicit_zero() -> None:
    assert Settings.resolve(env={}).max_chars == 16_000
    assert Settings.resolve(env={"OPENAI_API_KEY": "x"}).max_chars == 200_000
    assert Settings.resolve(env={"SUMMARISER_MAX_CHARS": "0"}).max_chars == 0  # 0: the whole text
    assert Settings.resolve(env={}, max_chars=0).max_chars == 0
    settings = Settings.resolve(env={"SUMMARISER_MODE": "TOOLS", "OPENAI_API_KEY": "x"})
    assert settings.mode == "tools" and settings.timeout == 300.0 and settings.reasks == 1


def test_an_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="temperature"):
        Settings.resolve(env={}, temperature=0.3)  # pyright: ignore[reportCallIssue]


def test_the_cache_dir_is_set_by_its_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUMMARISER_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    assert batch_cache_path() == tmp_path / "c" / "batch.sqlite3"
    monkeypatch.delenv("SUMMARISER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "summariser"
