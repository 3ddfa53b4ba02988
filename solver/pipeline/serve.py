"""`solve serve MODEL`: a model the project loads, served as an OpenAI-compatible endpoint (FastAPI + uvicorn).

Routes: POST /v1/completions and /v1/chat/completions (n, temperature, top_p, top_k, max_tokens, stop, seed,
logprobs), GET /v1/models, GET /health. One server can feed many batch workers (`--policy-url`); requests are
answered one at a time, each drawing its samples in batches of at most `--max-batch` rows.

What a prompt must be depends on the model:
- This project's encoder-decoder reads the AlphaCode prompt: the metadata header and the statement
  (`RATING: 1200\\nTAGS: dp\\nLANGUAGE IS python3\\nCORRECT SOLUTION\\n<statement>`, see solver.model.prompt). On
  /v1/completions `prompt` is one such text or a list of them (equal prompts are encoded once and sampled
  together, as ModelPolicy does; with the same seed and batch the samples are the local policy's own). A choice's
  text is the program; its `alphacode` field holds the model's scores (log-prob at the fine-tuning temperature,
  tokens, the value head's P(correct)). /v1/chat/completions also takes the local causal policy's request
  ("Write a Python 3 program that solves ...", header without rating or tags) and answers with one fenced block.
  /v1/models lists it with `"prompt_format": "alphacode"`, which is how `ServerPolicy` knows to send headers.
- A local Hugging Face causal model reads any prompt; chat messages go through its chat template. A reply ends at
  EOS, at a `stop` string, or once it holds a complete code block (as the local causal policy's replies do).
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from solver.errors import UsageError
from solver.problem import Language

if TYPE_CHECKING:  # torch is imported when a model loads, not with this module
    import torch

MAX_N = 1024  # samples per request; more is almost surely a mistake that would hold the model for hours


class ServeError(Exception):
    """A request the server refuses, as an OpenAI-style error body with an HTTP status."""

    def __init__(self, status: int, message: str, code: str = "invalid_request_error"):
        super().__init__(message)
        self.status, self.code = status, code


# ------------------------------------------------------------------------------------------- requests


class _Request(BaseModel):
    model_config = ConfigDict(extra="ignore")  # clients send fields this server does not use (user, ...)

    model: str = ""
    n: int = Field(1, ge=1, le=MAX_N)
    temperature: float = Field(1.0, ge=0)
    top_p: float = Field(1.0, gt=0, le=1)
    top_k: int | None = Field(None, ge=0)  # vLLM's extension; 0 or None: off
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    stop: str | list[str] | None = None
    seed: int | None = None
    stream: bool = False

    def stops(self) -> list[str]:
        stops = [self.stop] if isinstance(self.stop, str) else list(self.stop or [])
        return [s for s in stops if s]


class CompletionRequest(_Request):
    prompt: str | list[str]
    logprobs: int | None = Field(None, ge=0)


class ChatRequest(_Request):
    messages: list[dict[str, Any]] = Field(min_length=1)
    logprobs: bool = False


@dataclass(frozen=True)
class Params:
    n: int
    temperature: float
    top_p: float
    top_k: int | None
    max_tokens: int | None
    stops: tuple[str, ...]
    seed: int


@dataclass(frozen=True)
class Choice:
    text: str
    finished: bool  # False: cut at max_tokens
    token_logprobs: tuple[float, ...] | None = None
    tokens: tuple[str, ...] | None = None
    own: dict[str, Any] | None = None  # the encoder-decoder's scores, sent as the choice's `alphacode` field
    n_tokens: int = 0


def _params(request: _Request) -> Params:
    if request.stream:
        raise ServeError(400, "stream: streaming is not supported by solve serve; send stream=false")
    seed = request.seed if request.seed is not None else time.time_ns() % 2**31  # unseeded: a fresh draw
    return Params(request.n, request.temperature, request.top_p, request.top_k or None,
                  request.max_completion_tokens or request.max_tokens, tuple(request.stops()), seed)  # fmt: skip


def cut_at_stop(text: str, stops: Sequence[str]) -> tuple[str, bool]:
    """The text before the first stop string, and whether one was found."""
    cuts = [text.find(s) for s in stops if s in text]
    return (text[: min(cuts)], True) if cuts else (text, False)


def _user_text(messages: list[dict[str, Any]]) -> str:
    """The last user turn's text (string content, or the text parts of a list content)."""
    for message in reversed(messages):
        if message.get("role") == "user":
            content = message.get("content")
            if isinstance(content, list):
                content = "".join(p.get("text", "") for p in content if isinstance(p, dict))
            return str(content or "")
    raise ServeError(400, "messages: no user message")


# ------------------------------------------------------------------------------------------- backends

_REQUEST_START = re.compile(r"^Write a (.+?) program that solves the competitive programming problem below\.\n\n")
_REQUEST_END = "\n\nRequirements:\n"


def parse_solution_request(text: str) -> tuple[Language, str] | None:
    """(language, statement) of a request written by `causal.solution_request`, or None for any other text."""
    from solver.pipeline.causal import TITLES

    match = _REQUEST_START.match(text)
    languages = {title: language for language, title in TITLES.items()}
    if match is None or match[1] not in languages or _REQUEST_END not in text:
        return None
    return languages[match[1]], text[match.end() : text.rindex(_REQUEST_END)]


class OwnModelBackend:
    """This project's encoder-decoder, through the fast mass sampler."""

    prompt_format = "alphacode"

    def __init__(self, path: Path, max_batch: int, *, device: torch.device, dtype: torch.dtype):
        from solver.pipeline.sampling import ModelPolicy

        self.policy, self.max_batch = ModelPolicy(path, device=device, dtype=dtype), max_batch
        self.window = self.policy.model.config.max_encoder_len

    def complete(self, prompts: list[str], params: Params) -> list[Choice]:
        import torch

        from solver.model.prompt import encode_prompt, program_text
        from solver.model.sampling import sample_programs
        from solver.model.tokenizer import BOS_ID
        from solver.pipeline.sampling import SCORE_TEMPERATURE

        model, tokenizer = self.policy.model, self.policy.tokenizer
        distinct: dict[str, list[int]] = {}  # prompt -> its positions in the request
        for position, text in enumerate(prompts):
            distinct.setdefault(text, []).append(position)
        try:  # a statement longer than the window is cut after its header, as in ModelPolicy
            encoded = [torch.tensor(encode_prompt(tokenizer, text, self.window).ids) for text in distinct]
        except ValueError as error:
            raise ServeError(400, f"prompt: {error}; this model reads the project's prompt: a header (RATING, TAGS, "
                                  "LANGUAGE IS, CORRECT SOLUTION) and the statement") from None  # fmt: skip
        counts = [len(positions) * params.n for positions in distinct.values()]
        max_new = min(params.max_tokens or model.config.max_decoder_len, model.config.max_decoder_len)
        samples = sample_programs(
            model, encoded, counts, max_new, temperature=params.temperature, top_k=params.top_k, top_p=params.top_p,
            batch_size=self.max_batch, seed=params.seed, score_temperature=SCORE_TEMPERATURE,
        )  # fmt: skip
        # Samples come back grouped by prompt in order; choice index = position * n + j, as OpenAI numbers them.
        choices: dict[int, Choice] = {}
        drawn = iter(samples)
        for positions in distinct.values():
            for position in positions:
                for j in range(params.n):
                    sample = next(drawn)
                    text, stopped = cut_at_stop(program_text(tokenizer, (BOS_ID, *sample.token_ids)), params.stops)
                    own = {"n_tokens": len(sample.token_ids), "logprob_sum": sample.logprob_sum,
                           "logprob_mean": sample.logprob_mean, "value": sample.value,
                           "scored_tokens": len(sample.token_ids) + int(sample.finished)}  # fmt: skip
                    choices[position * params.n + j] = Choice(text, sample.finished or stopped, own=own,
                                                              n_tokens=len(sample.token_ids))  # fmt: skip
        return [choices[i] for i in sorted(choices)]

    def chat(self, messages: list[dict[str, Any]], params: Params) -> list[Choice]:
        from solver.model.prompt import LANGUAGE_NAMES, PromptSpec, prompt_header, split_prompt
        from solver.pipeline.causal import FENCE_TAG

        text = _user_text(messages)
        request = parse_solution_request(text)
        if request is not None:
            language, statement = request
            text = prompt_header(PromptSpec(None, (), language)) + statement
        else:
            try:
                header, _ = split_prompt(text)
            except ValueError:
                raise ServeError(400, "messages: this model reads the project's prompt (a RATING/TAGS/LANGUAGE IS/"
                                      "CORRECT SOLUTION header and the statement) or a solution request as the "
                                      "local causal policy writes it") from None  # fmt: skip
            named = {f"LANGUAGE IS {word}\n": lang for lang, word in LANGUAGE_NAMES.items()}
            language = next((lang for line, lang in named.items() if line in header), Language.PYTHON3)
        fence = FENCE_TAG.get(language, "")
        out = []
        for choice in self.complete([text], params):
            body = f"```{fence}\n{choice.text.rstrip()}\n" + ("```" if choice.finished else "")
            out.append(Choice(body, choice.finished, own=choice.own, n_tokens=choice.n_tokens))
        return out


class CausalBackend:
    """A local Hugging Face causal model, through the causal policy's shared-prefix generation."""

    prompt_format = "instruct"

    def __init__(self, path: Path, max_batch: int, *, device: torch.device, dtype: torch.dtype):
        from solver.pipeline.causal import CausalPolicy

        self.policy, self.max_batch = CausalPolicy(path, device=device, dtype=dtype), max_batch

    def complete(self, prompts: list[str], params: Params) -> list[Choice]:
        from solver.pipeline.causal import Prompt

        out = []
        for text in prompts:
            # A prompt ending in an opened fence (the causal policy's base-model prompt) is continued as the
            # inside of that block, so that generation stops when the block closes.
            opened = re.search(r"```([^`\s]*)\n$", text)
            prefix = opened[0] if opened else ""
            out += self._draw(Prompt(text, prefix, chat=False), opened[1] if opened else None, params, strip=prefix)
        return out

    def chat(self, messages: list[dict[str, Any]], params: Params) -> list[Choice]:
        from solver.pipeline.causal import FENCE_TAG, Prompt, render_prompt

        tokenizer = self.policy.tokenizer
        request = parse_solution_request(_user_text(messages))
        tag = FENCE_TAG[request[0]] if request else None
        if getattr(tokenizer, "chat_template", None):
            clean = [{"role": m.get("role", "user"), "content": m.get("content") or ""} for m in messages]
            try:
                text = tokenizer.apply_chat_template(clean, tokenize=False, add_generation_prompt=True)
            except Exception as error:  # noqa: BLE001 - templates raise anything on odd roles
                raise ServeError(400, f"messages: the chat template refused them: {error}") from None
            return self._draw(Prompt(text, "", chat=True), tag, params, strip="")
        prompt = render_prompt(tokenizer, _user_text(messages), tag or "")
        return self._draw(prompt, tag, params, strip="")

    def _draw(self, prompt, tag: str | None, params: Params, strip: str) -> list[Choice]:
        from solver.pipeline.causal import ACCEPTED_TAGS
        from solver.pipeline.policy import SamplingSettings

        policy = self.policy
        tags = next((accepted for accepted in ACCEPTED_TAGS.values() if tag in accepted), None)
        settings = SamplingSettings(temperature=params.temperature, top_k=params.top_k, top_p=params.top_p,
                                    max_new_tokens=params.max_tokens or 256, batch_size=self.max_batch,
                                    seed=params.seed)  # fmt: skip
        try:
            draws = policy._draw_many(SimpleNamespace(name="request"), prompt, params.n, settings, tags, params.seed)
        except UsageError as error:  # the prompt alone fills the model's window ("...: the prompt takes N tokens...")
            raise ServeError(400, f"This model's maximum context length is {policy.window} tokens; "
                                  f"{str(error).split(': ', 1)[-1]}", "context_length_exceeded") from None  # fmt: skip
        out = []
        for draw in draws:
            text, stopped = cut_at_stop(draw.reply[len(strip) :], params.stops)
            tokens = [policy.tokenizer.decode([t]) for t in draw.token_ids]
            kept = len(draw.token_ids)
            if stopped:  # the tokens up to the one that completed the text kept
                kept = next((i + 1 for i in range(len(tokens)) if len("".join(tokens[: i + 1])) >= len(text)), kept)
            out.append(Choice(text, draw.finished or stopped, tuple(draw.logprobs[:kept]), tuple(tokens[:kept]),
                              n_tokens=kept))  # fmt: skip
        return out


def load_backend(path: Path, max_batch: int, device: str = "auto", dtype: str = "auto"):
    """The backend for MODEL: this project's checkpoint, else a causal model (whose loader names what is wrong),
    placed by `device` and `dtype` as `SolveConfig`'s settings of those names place a local policy."""
    from solver.pipeline.config import resolve_device
    from solver.pipeline.sampling import is_own_model

    if not Path(path).exists():
        raise UsageError(f"{path}: no such model file or directory")
    placed_device, placed_dtype = resolve_device(device, dtype)
    backend = OwnModelBackend if is_own_model(Path(path)) else CausalBackend
    return backend(Path(path), max_batch, device=placed_device, dtype=placed_dtype)


# ------------------------------------------------------------------------------------------- the app


def _choice_json(choice: Choice, index: int, chat: bool, logprobs: bool) -> dict[str, Any]:
    reason = "stop" if choice.finished else "length"
    out: dict[str, Any] = {"index": index, "finish_reason": reason}
    if chat:
        out["message"] = {"role": "assistant", "content": choice.text}
    else:
        out["text"] = choice.text
    scores = None
    if logprobs and choice.token_logprobs is not None:
        if chat:
            scores = {"content": [{"token": t, "logprob": lp, "top_logprobs": []}
                                  for t, lp in zip(choice.tokens or (), choice.token_logprobs)]}  # fmt: skip
        else:
            scores = {"tokens": list(choice.tokens or ()), "token_logprobs": list(choice.token_logprobs)}
    out["logprobs"] = scores
    if choice.own is not None:
        out["alphacode"] = choice.own
    return out


def make_app(backend, name: str):
    """The FastAPI app around one loaded model; the lock keeps one request on the model at a time."""
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse

    app = FastAPI(title=f"solve serve {name}")
    lock = threading.Lock()
    created = int(time.time())

    def error(status: int, message: str, code: str = "invalid_request_error") -> JSONResponse:
        return JSONResponse({"error": {"message": message, "type": code, "code": status}}, status_code=status)

    @app.exception_handler(ServeError)
    async def serve_error(_: Request, exc: ServeError) -> JSONResponse:
        return error(exc.status, str(exc), exc.code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"] if p != "body")
        return error(400, f"{field or 'body'}: {first['msg']}")

    def check_model(requested: str) -> None:
        if requested and requested != name:
            raise ServeError(404, f"The model `{requested}` does not exist; this server serves `{name}`",
                             "model_not_found")  # fmt: skip

    def answer(kind: str, choices: list[Choice], logprobs: bool) -> dict[str, Any]:
        chat = kind == "chat.completion"
        tokens = sum(c.n_tokens for c in choices)
        return {"id": f"cmpl-{time.time_ns():x}", "object": kind, "created": int(time.time()), "model": name,
                "choices": [_choice_json(c, i, chat, logprobs) for i, c in enumerate(choices)],
                "usage": {"prompt_tokens": 0, "completion_tokens": tokens, "total_tokens": tokens}}  # fmt: skip

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/models")
    def models() -> dict[str, Any]:
        entry = {"id": name, "object": "model", "created": created, "owned_by": "alphacode-solver",
                 "prompt_format": backend.prompt_format}  # fmt: skip
        return {"object": "list", "data": [entry]}

    @app.post("/v1/completions")
    def completions(request: CompletionRequest) -> dict[str, Any]:
        check_model(request.model)
        prompts = [request.prompt] if isinstance(request.prompt, str) else list(request.prompt)
        if not prompts or len(prompts) * request.n > MAX_N:
            raise ServeError(400, f"prompt: between 1 and {MAX_N} samples per request (prompts x n)")
        params = _params(request)
        with lock:
            choices = backend.complete(prompts, params)
        return answer("text_completion", choices, request.logprobs is not None)

    @app.post("/v1/chat/completions")
    def chat(request: ChatRequest) -> dict[str, Any]:
        check_model(request.model)
        params = _params(request)
        with lock:
            choices = backend.chat(request.messages, params)
        return answer("chat.completion", choices, request.logprobs)

    return app


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound now so that a taken port is one line before the model loads (and port 0 picks
    a free one, which the start line shows)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise UsageError(f"--host {host} --port {port}: cannot listen there: {error.strerror}") from None
    sock.listen(128)
    return sock


def make_server(app, sock: socket.socket, log_level: str = "warning"):
    import uvicorn

    host, port = sock.getsockname()[:2]
    return uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False))


def serve_command(model: Path, *, host: str = "127.0.0.1", port: int = 8000, max_batch: int = 64,
                  name: str | None = None, device: Literal["auto", "cpu", "cuda"] = "auto",
                  dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto") -> int:  # fmt: skip
    """Serve MODEL (this project's checkpoint or a local causal model) as an OpenAI-compatible endpoint.

    POST /v1/completions and /v1/chat/completions, GET /v1/models and /health, at http://HOST:PORT/v1; point
    `solve --policy-url` (or any OpenAI client) at it. --name is the model's id (default: the directory's or
    file's name); --max-batch bounds the rows decoded together; --device and --dtype place the model (auto: cuda
    in bfloat16 when torch sees a GPU, else cpu in float32). Ctrl-C stops it.
    """
    if max_batch < 1:
        raise UsageError(f"--max-batch: must be at least 1, got {max_batch}")
    from solver.pipeline.config import resolve_device

    resolve_device(device, dtype)  # a missing GPU is one line before the port is taken
    sock = bind(host, port)
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    backend = load_backend(Path(model), max_batch, device, dtype)
    name = name or Path(model).name
    server = make_server(make_app(backend, name), sock, log_level="info")
    bound = sock.getsockname()
    shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
    print(f"serving {model} as '{name}' ({backend.prompt_format} prompts) at http://{shown}:{bound[1]}/v1", flush=True)
    server.run(sockets=[sock])
    return 0
