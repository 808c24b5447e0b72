"""The embedded backend's fixes for llama-cpp-python that need no model loaded."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from summariser.providers.embedded import backend

INTEL = "flags\t\t: fpu vme sse sse2 avx avx2 avx512f amx_bf16 amx_tile amx_int8 avx_vnni\n"
AMD = "flags\t\t: fpu vme sse sse2 avx avx2 avx512f avx512_bf16 sha_ni\n"


@pytest.mark.parametrize(("flags", "expected"), [(INTEL, True), (AMD, False), ("", False)])
def test_amx_is_read_from_the_cpu_flags(tmp_path: Path, flags: str, expected: bool) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(f"processor\t: 0\nmodel name\t: Some CPU\n{flags}bugs\t\t: amx_tile_x\n")
    assert backend.advertises_amx(cpuinfo) is expected
    assert backend.advertises_amx(tmp_path / "missing") is False


def test_extra_buffer_types_are_off_while_a_model_loads_and_back_after() -> None:
    library = pytest.importorskip("llama_cpp.llama_cpp")
    assert library.llama_model_default_params().use_extra_bufts is True
    with backend._without_extra_buffer_types():  # pyright: ignore[reportPrivateUsage]
        assert library.llama_model_default_params().use_extra_bufts is False
    assert library.llama_model_default_params().use_extra_bufts is True


def test_each_answer_says_what_was_cached_and_how_long_reading_and_writing_took() -> None:
    perf = SimpleNamespace(n_p_eval=300, t_p_eval_ms=2345.67, t_eval_ms=81234.5)
    usage = backend._with_timings(  # pyright: ignore[reportPrivateUsage]
        {"prompt_tokens": 1358, "completion_tokens": 1049, "total_tokens": 2407}, perf
    )
    assert usage["prompt_tokens_details"] == {"cached_tokens": 1058}
    assert (usage["prefill_ms"], usage["decode_ms"]) == (2345.7, 81234.5)
    assert usage["total_tokens"] == 2407


def test_logprobs_are_served_for_one_token_answers_only() -> None:
    asked = backend._alternatives_asked  # pyright: ignore[reportPrivateUsage]
    assert asked({"max_tokens": 1}) is None
    assert asked({"logprobs": False, "max_tokens": 1}) is None
    assert asked({"logprobs": True, "max_tokens": 1}) == 0
    assert asked({"logprobs": True, "top_logprobs": 20, "max_tokens": 1}) == 20
    for wrong in (
        {"logprobs": True, "top_logprobs": 5, "max_tokens": 2},
        {"logprobs": True, "top_logprobs": 5},
        {"logprobs": True, "top_logprobs": 21, "max_tokens": 1},
        {"logprobs": True, "top_logprobs": True, "max_tokens": 1},
        {"logprobs": True, "top_logprobs": "5", "max_tokens": 1},
    ):
        with pytest.raises(backend.RequestError):
            asked(wrong)
