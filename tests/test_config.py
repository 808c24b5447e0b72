from __future__ import annotations

import pytest

from summariser.config import EMBEDDED, Settings
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
    ],
)
def test_bad_settings_are_config_errors(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.resolve(env={"OPENAI_API_KEY": "x", **env})


def test_redact_removes_given_secrets_and_key_shapes() -> None:
    message = f"bad key {CANARY_KEY} and sk-proj-abcdef123456 and sk-abc***xyz9"
    cleaned = redact(message, CANARY_KEY)
    assert "sk-" not in cleaned and cleaned.count("[redacted]") == 3
