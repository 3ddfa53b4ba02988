"""What goes over the wire between the server policy (server.py) and an OpenAI-compatible server: the one-line
error, the API root, reading a choice (text, finish, token log-probs, `solve serve`'s own scores), reading an
error reply (its message, Retry-After, "over the context", "n refused"), and the pool the requests run on."""

from __future__ import annotations

import queue
import re
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from solver.errors import UsageError

RETRY_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
_CONTEXT_WORDS = ("context length", "context window", "maximum context", "too long", "exceeds the", "n_ctx")


class ServerError(UsageError):
    """A server that cannot be used as asked: unreachable, another model, bad replies. One line, naming the URL."""

    def __init__(self, message: str, status: int | None = None, detail: str = ""):
        super().__init__(message)
        self.status = status  # the HTTP status the server answered with, when it answered
        self.detail = detail  # the server's own message


def normalise_url(url: str) -> str:
    """The API root: `http://host:8000` and `http://host:8000/v1` both mean `http://host:8000/v1` (the path every
    OpenAI-compatible server serves); any other path is kept as given (gateways mount APIs elsewhere)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{url}: not a server URL (expected http://HOST:PORT or http://HOST:PORT/v1)")
    root = url.strip().rstrip("/")
    return root + "/v1" if parts.path.strip("/") == "" else root


@dataclass(frozen=True)
class _Choice:
    text: str
    finished: bool
    n_tokens: int | None
    logprob_sum: float | None
    value: float | None = None
    finish_reason: str | None = None
    scored_tokens: int | None = None  # how many tokens logprob_sum covers (alphacode: the </s> too)


class _DaemonPool:
    """At most `workers` calls at a time on daemon threads. Not a ThreadPoolExecutor: its threads are joined when
    the pool closes and again at interpreter exit, so a Ctrl-C or SIGTERM during a long generation would wait for
    the server to finish it (up to the request timeout) before the run could exit."""

    def __init__(self, workers: int):
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._closed, self._workers = False, workers
        for i in range(workers):
            threading.Thread(target=self._work, name=f"server-policy-{i}", daemon=True).start()

    def submit(self, fn, *args) -> Future:
        future: Future = Future()
        self._jobs.put((future, fn, args))
        return future

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            future, fn, args = job
            if self._closed or not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as error:  # noqa: BLE001 - handed to the waiting thread, which raises it
                future.set_exception(error)

    def close(self) -> None:
        self._closed = True
        for _ in range(self._workers):  # one stop mark each; a worker busy on a call takes its mark after it
            self._jobs.put(None)


def _parse_choice(choice: dict[str, Any], endpoint: str, usage: dict[str, Any]) -> _Choice:
    if endpoint == "chat":
        message = choice.get("message") if isinstance(choice.get("message"), dict) else {}
        text = message.get("content") or ""
    else:
        text = choice.get("text") or ""
    reason = choice.get("finish_reason")
    finished = reason != "length"  # cut at max_tokens: kept, and marked unfinished
    own = choice.get("alphacode")  # solve serve's scores for its encoder-decoder (see solver.pipeline.serve)
    if isinstance(own, dict):
        return _Choice(str(text), finished, own.get("n_tokens"), own.get("logprob_sum"), own.get("value"), reason,
                       own.get("scored_tokens"))  # fmt: skip
    logprobs = _token_logprobs(choice.get("logprobs"))
    n_tokens = len(logprobs) if logprobs is not None else usage.get("completion_tokens")
    total = float(sum(logprobs)) if logprobs else None
    return _Choice(str(text), finished, n_tokens if isinstance(n_tokens, int) else None, total, None, reason)


def _rejects_n(detail: str) -> bool:
    """A 400 about the number of choices (llama-server: "n: Value must be between 1 <= value <= 4, but got 16")."""
    text = detail.lower()
    return bool(re.search(r"\bn(_cmpl)?\b", text)) and ("must be between" in text or "n_cmpl" in text or "'n'" in text)


def _token_logprobs(logprobs: Any) -> list[float] | None:
    """Per-token log-probs: chat's `content: [{logprob}]` or completions' `token_logprobs: [...]`."""
    if not isinstance(logprobs, dict):
        return None
    if isinstance(logprobs.get("content"), list):
        values = [t.get("logprob") for t in logprobs["content"] if isinstance(t, dict)]
    elif isinstance(logprobs.get("token_logprobs"), list):
        values = logprobs["token_logprobs"]
    else:
        return None
    values = [float(v) for v in values if isinstance(v, (int, float))]
    return values or None


def _error_message(error) -> str:
    """The server's own message: OpenAI's {"error": {"message"}}, TGI's {"error": "..."}, or the body's start."""
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if message:
            return " ".join(str(message).split())[:300]
    text = getattr(getattr(error, "response", None), "text", "") or str(error)
    return " ".join(text.split())[:300]


def _retry_after(error) -> float | None:
    try:
        return float(error.response.headers.get("retry-after"))
    except (TypeError, ValueError, AttributeError):
        return None


def _over_context(message: str) -> bool:
    return any(word in message.lower() for word in _CONTEXT_WORDS)
