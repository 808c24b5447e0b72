"""Every setting, read in one place: the only module that looks at the environment.

Which model answers, and how: arguments, else environment, else the embedded default. Each
option is one field of `Settings` that names the variables it reads (most specific first) and,
when the openai client takes it, the client's argument; `resolve` needs nothing else, so a new
option is one field here (and its line in `Options`, which types the keyword arguments).
An endpoint counts as configured when a base URL or an API key is set; otherwise, or with
model "embedded", the embedded model answers. `cache_dir` is where the embedded model's
weights and the batch cache live.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from .errors import ConfigError
from .redaction import redact, url_secrets

if TYPE_CHECKING:
    from typing import Unpack

__all__ = [
    "EMBEDDED",
    "MODES",
    "VET",
    "Options",
    "Settings",
    "batch_cache_path",
    "cache_dir",
    "max_input_bytes",
]

EMBEDDED = "embedded"
DEFAULT_REMOTE_MODEL = "gpt-4o-mini"
MODES = ("json_schema", "json", "tools", "md_json")  # how structured output is asked for
VET = ("auto", "on", "off")  # auto: on for the embedded model answering in turn
# The embedded model's context is 8,192 tokens: ~900 go to instructions and checklists and up
# to 1,500 to the answer, leaving ~5,800 for the article, about 16,000 characters of prose.
EMBEDDED_MAX_CHARS = 16_000
REMOTE_MAX_CHARS = 200_000  # ~50k tokens: within any current 128k-context model
# The most bytes read from one file, stdin or device: a long news article is 100 KB; a page
# with its markup, a few MB. Beyond it the input is an error, not a reason to run out of memory.
MAX_INPUT_BYTES = 20 * 1024 * 1024
# Unset, these depend on the rest: no model means the embedded one unless an endpoint is set,
# and the longest article depends on which model reads it.
_DECIDED_LATER = ("model", "max_chars")


def _text(raw: str, _name: str) -> str:
    return raw


def _number(raw: str, name: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number (got {raw!r})") from None


def _whole(raw: str, name: str) -> int:
    return int(_number(raw, name))


def _option(
    default: Any,
    *env: str,
    parse: Callable[[str, str], Any] = _text,
    client: str | None = None,
    secret: bool = False,
) -> Any:
    """A settings field: its default, the variables it reads, how to read them, the openai
    client's argument it feeds, and whether it must be kept out of logs and reprs."""
    metadata = {"env": env, "parse": parse, "client": client, "secret": secret}
    return field(default=default, repr=not secret, metadata=metadata)


@dataclass(frozen=True)
class Settings:
    model: str = _option(EMBEDDED, "SUMMARISER_MODEL")
    base_url: str | None = _option(
        None, "SUMMARISER_BASE_URL", "OPENAI_BASE_URL", client="base_url"
    )
    api_key: str | None = _option(
        None, "SUMMARISER_API_KEY", "OPENAI_API_KEY", client="api_key", secret=True
    )
    organization: str | None = _option(None, "OPENAI_ORG_ID", client="organization", secret=True)
    project: str | None = _option(None, "OPENAI_PROJECT_ID", client="project", secret=True)
    mode: str = _option("json_schema", "SUMMARISER_MODE")  # one of MODES
    timeout: float = _option(300.0, "SUMMARISER_TIMEOUT", parse=_number, client="timeout")
    reasks: int = _option(1, "SUMMARISER_REASKS", parse=_whole)  # asks again on invalid output
    # Extra sends on 429, 5xx, timeouts, resets: the SDK's own, Retry-After honoured.
    retries: int = _option(2, "SUMMARISER_RETRIES", parse=_whole, client="max_retries")
    # Seconds for one article, every attempt included (async calls and batches).
    deadline: float = _option(900.0, "SUMMARISER_DEADLINE", parse=_number)
    # Longest article the model reads, in Latin-script characters; 0 picks the model's default.
    max_chars: int = _option(0, "SUMMARISER_MAX_CHARS", parse=_whole)
    output_language: str = _option("English")
    local_model: str | None = _option(None, "SUMMARISER_LOCAL_MODEL")  # another GGUF file
    # Requests the embedded model decodes together when they overlap (a batch with
    # --concurrency, `serve --parallel`); 0 (unset) and 1 answer them in turn, the default:
    # on two cores decoding together does not pay (BENCHMARKS.md, issue 25).
    parallel: int = _option(0, "SUMMARISER_PARALLEL", parse=_whole)
    # Closed questions about each allegation after the draft (pipeline/vetting.py): one of VET.
    vet: str = _option("auto", "SUMMARISER_VET")

    @property
    def embedded(self) -> bool:
        return self.model == EMBEDDED

    @property
    def vets(self) -> bool:
        """Whether allegations are vetted: "on", or "auto" with the embedded model answering
        in turn, whose margins the threshold was chosen on and whose cache still holds the
        article when its questions come (decoding together, it would read it again)."""
        in_turn = self.embedded and self.parallel <= 1
        return self.vet == "on" or (self.vet == "auto" and in_turn)

    @classmethod
    def resolve(cls, *, env: Mapping[str, str] | None = None, **given: Unpack[Options]) -> Settings:
        """Settings from `given` arguments (None: not given), else `env` (default: the
        process environment), else the defaults; ConfigError for values that cannot work."""
        env = os.environ if env is None else env
        unknown = set(given) - {f.name for f in fields(cls)}
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        values = {f.name: _read(f, given.get(f.name), env) for f in fields(cls)}
        for f in fields(cls):  # unset: the default, but for the two the configuration decides
            if values[f.name] is None and f.name not in _DECIDED_LATER:
                values[f.name] = f.default
        configured = bool(values["base_url"] or values["api_key"])
        if values["model"] == EMBEDDED or (not values["model"] and not configured):
            values.update(model=EMBEDDED, base_url=None, api_key=None)
        values["model"] = values["model"] or DEFAULT_REMOTE_MODEL
        values["mode"] = values["mode"].lower()
        if values["mode"] not in MODES:
            raise ConfigError(f"unknown mode {values['mode']!r}; choose one of {', '.join(MODES)}")
        values["vet"] = values["vet"].lower()
        if values["vet"] not in VET:
            raise ConfigError(
                f"unknown vet setting {values['vet']!r}; choose one of {', '.join(VET)}"
            )
        base_url = values["base_url"]
        if base_url and not re.match(r"^https?://[^\s/]+", base_url):
            shown = redact(repr(base_url))
            raise ConfigError(f"base URL must start with http:// or https:// (got {shown})")
        if values["max_chars"] is None:
            embedded = values["model"] == EMBEDDED
            values["max_chars"] = EMBEDDED_MAX_CHARS if embedded else REMOTE_MAX_CHARS
        return cls(**values)

    def client_options(self) -> dict[str, Any]:
        """The openai client's keyword arguments that these settings decide."""
        return {
            f.metadata["client"]: getattr(self, f.name)
            for f in fields(self)
            if f.metadata.get("client")
        }

    def secrets(self) -> tuple[str, ...]:
        """Values that must never be logged, recorded or shown: the key, account ids, and the
        credentials written into the endpoint's URL."""
        values = (getattr(self, f.name) for f in fields(self) if f.metadata.get("secret"))
        return (*(v for v in values if v), *url_secrets(self.base_url))


class Options(TypedDict, total=False):
    """`Settings` fields as keyword arguments (`Summariser(**options)`); None means "not
    given", so the environment or the default decides. Keep in step with `Settings`."""

    model: str | None
    base_url: str | None
    api_key: str | None
    organization: str | None
    project: str | None
    mode: str | None
    timeout: float | None
    reasks: int | None
    retries: int | None
    deadline: float | None
    max_chars: int | None
    output_language: str | None
    local_model: str | None
    parallel: int | None
    vet: str | None


def _read(option: Any, given: Any, env: Mapping[str, str]) -> Any:
    """One option's value: the argument, else the first variable set, else None (default)."""
    name = (option.metadata.get("env") or (option.name,))[0]
    if isinstance(given, str) and not given:
        given = None  # an empty argument is not given, as an empty variable is not set
    if given is None:
        raw = next((env[v] for v in option.metadata.get("env", ()) if env.get(v)), None)
        given = None if raw is None else option.metadata["parse"](raw, name)
    if isinstance(given, int | float) and not isinstance(given, bool) and given < 0:
        raise ConfigError(f"{name} must not be negative")
    return given


def cache_dir() -> Path:
    """SUMMARISER_CACHE_DIR, else the user cache dir (platformdirs honours XDG_CACHE_HOME)."""
    override = os.environ.get("SUMMARISER_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("summariser"))


def batch_cache_path() -> Path:
    """Where batches and evaluations keep briefings and fetched responses by default."""
    return cache_dir() / "batch.sqlite3"


def max_input_bytes(env: Mapping[str, str] | None = None) -> int:
    """SUMMARISER_MAX_INPUT_BYTES, else 20 MB: the cap on what one local input may hold."""
    raw = (os.environ if env is None else env).get("SUMMARISER_MAX_INPUT_BYTES")
    if not raw:
        return MAX_INPUT_BYTES
    limit = _whole(raw, "SUMMARISER_MAX_INPUT_BYTES")
    if limit <= 0:
        raise ConfigError("SUMMARISER_MAX_INPUT_BYTES must be a positive number of bytes")
    return limit
