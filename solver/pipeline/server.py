"""A sampling policy (and test-input writer) that samples through an OpenAI-compatible inference server.

`--policy-url URL` routes here: vLLM, SGLang, llama.cpp's `llama-server`, TGI, or this project's own `solve serve`.
The policy never holds weights; it sends requests with the `openai` client and turns the replies into samples.

Two prompt formats, chosen once at start from the server's model list (GET /v1/models):
- instruct (any chat or base code model): the same request text as the local causal policy (`solution_request`,
  `input_request`), one prompt per language, programs taken from the reply's fenced block by `extract_code`. Samples
  of one prompt go out `n_per_request` at a time with `n` (the server decodes them against one prefilled prompt);
  a server that answers with fewer choices than asked (some `llama-server` versions ignore `n`) is sent single
  requests from then on, concurrently (llama.cpp reuses a slot's cached prefix).
- alphacode (`solve serve` of this project's encoder-decoder, which lists `"prompt_format": "alphacode"`): each
  sample's own metadata header plus the statement, sent as a batch of prompts per completions request, grouped and
  seeded exactly as `ModelPolicy` batches them, so the samples are the ones the local policy would draw.

Scores come from the server's token log-probabilities when it gives them (so `--pick mean-logprob` works), or from
the `alphacode` fields `solve serve` adds to each choice (its scores at the fine-tuning temperature, and the value).
Transient failures (connection errors, timeouts, 408/409/429/5xx, replies that are not JSON) are retried with
exponential backoff; every failure that remains is one `ServerError` line naming the URL.
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from typing import Any, Literal

from solver.errors import UsageError
from solver.model.prompt import PromptSpec, build_prompt
from solver.pipeline.causal import (
    FENCE_TAG,
    INPUT_MAX_NEW_TOKENS,
    INPUT_TEMPERATURE,
    TITLES,
    extract_code,
    input_request,
    inputs_from_replies,
    prompts_for_input,
    solution_request,
)
from solver.pipeline.policy import PolicySample, Progress, SamplingSettings, helper_settings
from solver.pipeline.server_wire import (
    RETRY_STATUS,
    ServerError,
    _Choice,
    _DaemonPool,
    _error_message,
    _over_context,
    _parse_choice,
    _rejects_n,
    _retry_after,
    normalise_url,
)
from solver.problem import Language, PublicProblem

# Ends a chat reply once its code block is closed and the model moves on to explain it, as the local policy stops
# at a closed block. Two newlines, so that a bare opening fence after some text ("Here:\n```\nprint(...)") never
# matches; a fence closed at the end of the reply simply ends with EOS.
CHAT_STOP = ("\n```\n\n",)
MAX_BACKOFF = 30.0


@dataclass(frozen=True)
class _Call:
    """One request: which plan entries its choices fill (choice i fills indices[i]), and its body."""

    indices: tuple[int, ...]
    endpoint: Literal["chat", "completions"]
    body: dict[str, Any]
    reply_prefix: str = ""  # the fence a completions prompt opened; the reply continues it


@dataclass
class _State:
    """What the policy learns about its server while it runs (not part of its settings)."""

    n_supported: bool = True
    logprobs_supported: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)


class ServerPolicy:
    """`Policy`, `InputWriter`, `ProgramWriter` over an OpenAI-compatible endpoint; picklable (client made on use)."""

    def __init__(
        self,
        base_url: str,
        model: str | None,
        *,
        api_key: str | None = None,
        concurrency: int = 16,
        timeout: float = 600.0,
        api: Literal["chat", "completions"] = "chat",
        max_retries: int = 4,
        n_per_request: int = 16,
        prompt_format: Literal["auto", "instruct", "alphacode"] = "auto",
        retry_delay: float = 1.0,
        check: bool = True,
    ):
        if api not in ("chat", "completions"):
            raise UsageError(f"api: must be 'chat' or 'completions', got {api!r}")
        if concurrency < 1 or n_per_request < 1 or max_retries < 0 or timeout <= 0:
            raise UsageError("server policy: concurrency and n_per_request must be >= 1, max_retries >= 0, timeout > 0")
        self.base_url = normalise_url(base_url)
        self.model = model or ""
        self.api_key = api_key
        self.concurrency, self.timeout, self.api, self.max_retries = concurrency, timeout, api, max_retries
        self.n_per_request, self.retry_delay = n_per_request, retry_delay
        self.prompt_format = prompt_format
        self._client = None
        self._state = _State()
        if check or prompt_format == "auto" or not self.model:
            self._check_model()
        self.name = f"server:{self.model}@{self.base_url}"

    # -------------------------------------------------------------------------------- pickling (Ray workers)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_client"], state["_state"] = None, None  # a live connection pool and a lock do not travel
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._state = _State()

    @property
    def client(self):
        if self._client is None:
            import openai

            # Retries are this class's own (`_post`), so that a reply that is not JSON is retried as well.
            self._client = openai.OpenAI(base_url=self.base_url, api_key=self.api_key or "none", timeout=self.timeout,
                                         max_retries=0)  # fmt: skip
        return self._client

    # -------------------------------------------------------------------------------- the model check

    def _check_model(self) -> None:
        """Once, at start: the server answers, serves `model`, and (prompt_format auto) says which format it
        reads. A server without GET /v1/models (404) is trusted as named."""
        try:
            # One attempt: at start, a refused connection is a wrong URL far more often than a busy server.
            listing = self._request("models", {}, attempts=1)
        except ServerError as error:
            if error.status == 404 and self.model:
                self.prompt_format = "instruct" if self.prompt_format == "auto" else self.prompt_format
                return
            raise
        entries = [e for e in listing.get("data") or [] if isinstance(e, dict) and isinstance(e.get("id"), str)]
        served = [e["id"] for e in entries]
        if not self.model:
            if len(served) != 1:
                raise ServerError(f"{self.base_url}: serves {len(served)} models ({', '.join(served) or 'none'}); "
                                  "name one with --served-model")  # fmt: skip
            self.model = served[0]
        if served and self.model not in served:
            raise ServerError(f"{self.base_url}: no model '{self.model}' on this server; it serves: {', '.join(served)}")
        if self.prompt_format == "auto":
            entry = next((e for e in entries if e["id"] == self.model), {})
            self.prompt_format = "alphacode" if entry.get("prompt_format") == "alphacode" else "instruct"

    # -------------------------------------------------------------------------------- the two protocols

    def sample(
        self,
        problem: PublicProblem,
        plan: Sequence[PromptSpec],
        settings: SamplingSettings,
        progress: Progress | None = None,
    ) -> list[PolicySample]:
        for spec in plan:
            if spec.language not in TITLES:
                raise UsageError(f"{self.name}: cannot sample {spec.language.value} programs (only Python 3 and C++)")
        if self.prompt_format == "alphacode":
            calls = self._alphacode_calls(problem, plan, settings)
        else:
            calls = self._instruct_calls(problem, plan, settings)
        choices = self._run(calls, settings, progress, problem.name)
        out = []
        for index, spec in enumerate(plan):
            choice, call = choices[index]
            reply = call.reply_prefix + choice.text
            if self.prompt_format == "alphacode":
                code = choice.text
            else:
                code = extract_code(reply, spec.language)
            scored = choice.scored_tokens or choice.n_tokens
            mean = choice.logprob_sum / scored if choice.logprob_sum is not None and scored else None
            out.append(PolicySample(
                spec.language, code, spec, n_tokens=choice.n_tokens, logprob_sum=choice.logprob_sum,
                logprob_mean=mean, value=choice.value, finished=choice.finished,
                extra={"reply": reply, "finish_reason": choice.finish_reason,
                       "prompts_for_input": bool(code) and prompts_for_input(code, spec.language)},
            ))  # fmt: skip
        return out

    def write_inputs(self, problem: PublicProblem, n: int, seed: int) -> list[str]:
        """Up to `n` distinct inputs, as the local causal policy writes them. The encoder-decoder behind
        `solve serve` only writes programs, so it gives none (mutation fills in)."""
        if n <= 0 or self.prompt_format == "alphacode":
            return []
        settings = SamplingSettings(temperature=INPUT_TEMPERATURE, top_p=0.95, max_new_tokens=INPUT_MAX_NEW_TOKENS,
                                    seed=seed)  # fmt: skip
        return inputs_from_replies(problem, self._replies(input_request(problem), "", n, settings, problem.name), n)

    def write_programs(self, request: str, n: int, seed: int) -> list[str]:
        """`n` Python 3 programs for a free-form request (test-input generators, validators); none from the
        encoder-decoder behind `solve serve`, which only solves problems."""
        if n <= 0 or self.prompt_format == "alphacode":
            return []
        replies = self._replies(request, "python", n, helper_settings(seed), "a helper program")
        return [extract_code(reply, Language.PYTHON3) for reply in replies]

    def _replies(self, request: str, fence_tag: str, n: int, settings: SamplingSettings, what: str) -> list[str]:
        """`n` unscored replies to one instruct request, in order."""
        calls = self._prompt_calls(range(n), request, fence_tag, settings, logprobs=False)
        drawn = self._run(calls, settings, None, what)
        return [drawn[i][1].reply_prefix + drawn[i][0].text for i in sorted(drawn)]

    # -------------------------------------------------------------------------------- requests

    def _sampling_body(self, settings: SamplingSettings, logprobs: bool) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.model, "temperature": settings.temperature, "top_p": settings.top_p,
                                "max_tokens": settings.max_new_tokens}  # fmt: skip
        if settings.top_k is not None:
            body["top_k"] = settings.top_k  # not in OpenAI's API; vLLM, SGLang and llama.cpp read it
        if logprobs and self._state.logprobs_supported:
            body["logprobs"] = True if self.api == "chat" else 1
            if self.api == "chat":
                # the chosen token's log-prob is all we need: llama-server otherwise sends 20 alternatives per token
                body["top_logprobs"] = 1
        return body

    def _prompt_calls(self, indices: Sequence[int], request: str, fence_tag: str, settings: SamplingSettings,
                      logprobs: bool = True) -> list[_Call]:  # fmt: skip
        """The calls for `indices` samples of one request text, `n_per_request` per call, seeded by their first
        sample's index. A completions prompt opens the fence, as the local policy does for base models."""
        indices, calls = list(indices), []
        for start in range(0, len(indices), self.n_per_request):
            chunk = tuple(indices[start : start + self.n_per_request])
            body = {**self._sampling_body(settings, logprobs), "n": len(chunk), "seed": settings.seed + chunk[0]}
            if self.api == "chat":
                calls.append(_Call(chunk, "chat", {**body, "messages": [{"role": "user", "content": request}],
                                                   "stop": list(CHAT_STOP)}))  # fmt: skip
            else:
                prefix = f"```{fence_tag}\n"
                calls.append(_Call(chunk, "completions", {**body, "prompt": f"{request}\n\n{prefix}", "stop": ["\n```"]},
                                   prefix))  # fmt: skip
        return calls

    def _instruct_calls(self, problem: PublicProblem, plan: Sequence[PromptSpec], settings) -> list[_Call]:
        by_language: dict[Any, list[int]] = {}
        for index, spec in enumerate(plan):
            by_language.setdefault(spec.language, []).append(index)
        calls = []
        for language, indices in by_language.items():
            calls += self._prompt_calls(indices, solution_request(problem, language), FENCE_TAG[language], settings)
        return calls

    def _alphacode_calls(self, problem: PublicProblem, plan: Sequence[PromptSpec], settings) -> list[_Call]:
        """ModelPolicy's batches: samples ordered by distinct prompt (first appearance), cut into batch_size
        chunks, chunk k seeded with seed * 100_003 + its start; one completions call per chunk, one prompt
        per sample (the server groups equal prompts and encodes each once)."""
        texts: dict[str, int] = {}
        order = [texts.setdefault(build_prompt(problem, spec), len(texts)) for spec in plan]
        prompts = list(texts)
        ranked = sorted(range(len(plan)), key=lambda i: (order[i], i))
        calls = []
        for start in range(0, len(ranked), settings.batch_size):
            chunk = tuple(ranked[start : start + settings.batch_size])
            body = {**self._sampling_body(settings, logprobs=False), "n": 1, "seed": settings.seed * 100_003 + start,
                    "prompt": [prompts[order[i]] for i in chunk]}  # fmt: skip
            calls.append(_Call(chunk, "completions", body))
        return calls

    def _run(self, calls: list[_Call], settings: SamplingSettings, progress: Progress | None,
             what: str) -> dict[int, tuple[_Choice, _Call]]:  # fmt: skip
        """Every call, at most `concurrency` at a time; a call the server answered with too few choices is
        followed by single requests for the rest."""
        got: dict[int, tuple[_Choice, _Call]] = {}
        pool = _DaemonPool(self.concurrency)
        try:
            pending: dict[Future, _Call] = {pool.submit(self._call, call, what): call for call in calls}
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    call = pending.pop(future)
                    choices = future.result()
                    for index, choice in zip(call.indices, choices):
                        got[index] = (choice, call)
                    for index in call.indices[len(choices) :]:
                        single = self._single(call, index, settings)
                        pending[pool.submit(self._call, single, what)] = single
                    if progress is not None and choices:
                        progress(min(len(choices), len(call.indices)))
        finally:
            pool.close()  # queued calls are dropped; calls in flight are left to finish or die with the process
        return got

    @staticmethod
    def _single(call: _Call, index: int, settings: SamplingSettings) -> _Call:
        return _Call((index,), call.endpoint, {**call.body, "n": 1, "seed": settings.seed + index}, call.reply_prefix)

    def _call(self, call: _Call, what: str) -> list[_Choice]:
        """The choices of one call, in choice order; fewer than asked when the server ignored `n`."""
        body = dict(call.body)
        if not self._state.n_supported and body.get("n", 1) > 1:
            return []  # known to ignore n: `_run` sends single requests instead
        if not self._state.logprobs_supported:
            body.pop("logprobs", None)
        try:
            reply = self._request(call.endpoint, body)
        except ServerError as error:
            if error.status in (400, 422) and "logprob" in error.detail.lower() and "logprobs" in body:
                # the server cannot score: sample unscored (mean-logprob picking then says so)
                with self._state.lock:
                    self._state.logprobs_supported = False
                return self._call(call, what)
            if error.status == 400 and body.get("n", 1) > 1 and _rejects_n(error.detail):
                # llama-server refuses n above its --parallel slots: send single requests (each reuses a slot's
                # cached prompt) rather than fail
                with self._state.lock:
                    self._state.n_supported = False
                return []
            if error.status == 400 and _over_context(error.detail):
                raise ServerError(f"{self.base_url}: the prompt for {what} does not fit the server's context: "
                                  f"{error.detail}", 400, error.detail) from None  # fmt: skip
            raise
        choices = reply.get("choices")
        if not isinstance(choices, list) or not all(isinstance(c, dict) for c in choices):
            raise ServerError(f"{self.base_url}: a {call.endpoint} reply without a list of choices")
        choices = sorted(choices, key=lambda c: c.get("index", 0) if isinstance(c.get("index"), int) else 0)
        asked = len(call.indices)
        if len(choices) < asked and body.get("n", 1) > 1:
            with self._state.lock:
                self._state.n_supported = False
        usage = reply.get("usage") if isinstance(reply.get("usage"), dict) else {}
        parsed = [_parse_choice(c, call.endpoint, usage if len(choices) == 1 else {}) for c in choices[:asked]]
        if len(parsed) < asked and body.get("n", 1) <= 1:
            raise ServerError(f"{self.base_url}: asked for {asked} choices, got {len(parsed)}")
        return parsed

    def _request(self, endpoint: str, body: dict[str, Any], attempts: int | None = None) -> dict[str, Any]:
        """POST (GET for models) with retries; the reply's JSON object, or a one-line ServerError."""
        import openai

        route = {"chat": self.client.chat.completions, "completions": self.client.completions}
        attempts = self.max_retries + 1 if attempts is None else attempts
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                if endpoint == "models":
                    raw = self.client.models.with_raw_response.list()
                else:
                    extra = {k: body[k] for k in ("top_k",) if k in body}
                    kwargs = {k: v for k, v in body.items() if k not in extra}
                    raw = route[endpoint].with_raw_response.create(**kwargs, extra_body=extra or None)
                text = raw.http_response.text
                try:
                    data = json.loads(text)
                except ValueError:
                    data = None
                if isinstance(data, dict):
                    return data
                problem = f"a reply that is not a JSON object (HTTP {raw.http_response.status_code}, {text[:60]!r})"
                retry_after = None
            except openai.APITimeoutError:
                problem, retry_after = f"no reply within {self.timeout:g} s", None
            except openai.APIConnectionError as error:
                cause = error.__cause__ or error
                problem, retry_after = f"cannot reach the server ({type(cause).__name__}: {cause})", None
            except openai.APIStatusError as error:
                message = _error_message(error)
                if error.status_code not in RETRY_STATUS:
                    raise ServerError(f"{self.base_url}: HTTP {error.status_code}: {message}", error.status_code,
                                      message) from None  # fmt: skip
                problem = f"HTTP {error.status_code}: {message}"
                retry_after = _retry_after(error)
            if last:
                break
            delay = retry_after if retry_after is not None else self.retry_delay * 2**attempt
            time.sleep(min(delay, MAX_BACKOFF) * (1 + 0.25 * random.random()))  # jitter: workers do not retry in step
        raise ServerError(f"{self.base_url}: {problem}" + (f" (after {attempts} attempts)" if attempts > 1 else ""))


# ------------------------------------------------------------------------------------------- from a config


def api_key_from(env_name: str) -> str | None:
    """The key is read from the environment, never from a config: configs are saved next to results."""
    return os.environ.get(env_name) or None


def policy_from_config(config) -> ServerPolicy:
    """The server policy a `SolveConfig` describes (`policy_url`, `served_model`, ...): built from plain fields,
    so a Ray worker builds its own."""
    return ServerPolicy(config.policy_url, config.served_model, api_key=api_key_from(config.api_key_env),
                        concurrency=config.server_concurrency, timeout=config.server_timeout, api=config.api,
                        n_per_request=config.n_per_request)  # fmt: skip


def testgen_writer_from_config(config) -> ServerPolicy:
    """The test-input writer a config names with `testgen_url` (instruct prompts: it only writes inputs)."""
    return ServerPolicy(config.testgen_url, config.testgen_served_model, api_key=api_key_from(config.api_key_env),
                        concurrency=config.server_concurrency, timeout=config.server_timeout, api=config.api,
                        n_per_request=config.n_per_request, prompt_format="instruct")  # fmt: skip
