"""The server policy against real HTTP servers: `solve serve` of a tiny encoder-decoder and a tiny causal model built
here (same samples as the local policy, `solve` end to end, the `solve serve` command), and a small scripted HTTP
server for what a real engine may do wrong (500s, replies that are not JSON, `n` ignored, cut replies, a prompt
over the context, an unknown model, nothing listening). No mocks: every request goes over a socket."""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import torch
import yaml

from solver.cli import main
from solver.errors import UsageError
from solver.pipeline.causal import solution_request
from solver.pipeline.policy import SamplingSettings
from solver.pipeline.sampling import ModelPolicy, plan_prompts
from solver.pipeline.serve import bind, load_backend, make_app, make_server
from solver.pipeline.server import ServerError, ServerPolicy
from solver.problem import Language, load_problem

PY, CPP = Language.PYTHON3, Language.CPP
EXAMPLES = Path(__file__).resolve().parent.parent / "problems" / "examples"
EXAMPLE = EXAMPLES / "day_and_night.json"
PROBLEM = load_problem(EXAMPLE).public_view()


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _serve(backend, name: str) -> Iterator[str]:
    """`solve serve`'s app under uvicorn in a thread, on a free port; yields its /v1 URL."""
    sock = bind("127.0.0.1", 0)
    server = make_server(make_app(backend, name), sock)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/v1"
    server.should_exit = True
    thread.join()


@pytest.fixture(scope="module")
def own_url(tiny_model_dir) -> Iterator[str]:
    yield from _serve(load_backend(tiny_model_dir, 64), "tiny")


@pytest.fixture(scope="module")
def causal_url(tmp_path_factory) -> Iterator[str]:
    from test_causal_policy import _model, _tokenizer

    path = tmp_path_factory.mktemp("causal")
    tokenizer = _tokenizer()
    tokenizer.save_pretrained(path)
    _model(tokenizer, 32, seed=0).save_pretrained(path)
    yield from _serve(load_backend(path, 8), "qwen-tiny")


# ------------------------------------------------------------------------------------------- through solve serve


def test_own_model_through_the_server_gives_the_local_samples(own_url, tiny_model_dir):
    """Same plan, seed and batch: the server draws exactly what ModelPolicy draws, scores and value included."""
    policy = ServerPolicy(own_url, "tiny")
    assert policy.prompt_format == "alphacode" and policy.name == f"server:tiny@{own_url}"
    plan = plan_prompts(PROBLEM, 6, (PY, CPP), seed=0)
    settings = SamplingSettings(temperature=1.0, max_new_tokens=16, batch_size=4, seed=3)
    done: list[int] = []
    remote = policy.sample(PROBLEM, plan, settings, done.append)
    local = ModelPolicy(tiny_model_dir).sample(PROBLEM, plan, settings)
    assert sum(done) == 6 and [s.spec for s in remote] == plan
    assert [s.code for s in remote] == [s.code for s in local]
    for r, s in zip(remote, local):
        assert (r.n_tokens, r.finished) == (s.n_tokens, s.finished)
        assert r.logprob_mean == pytest.approx(s.logprob_mean, abs=1e-4)
        assert r.value == pytest.approx(s.value, abs=1e-5)
    assert policy.write_inputs(PROBLEM, 3, seed=0) == []  # the encoder-decoder writes programs only


def test_solve_end_to_end_through_the_server(own_url, tmp_path):
    out = tmp_path / "run"
    code = main([str(EXAMPLE), "--policy-url", own_url, "--served-model", "tiny", "--samples", "6",
                 "--max-new-tokens", "16", "--inputs", "3", "--pick", "mean-logprob", "--out", str(out)])  # fmt: skip
    assert code in (0, 1)
    records = [json.loads(line) for line in (out / "samples.jsonl").read_text().splitlines()]
    assert [r["language"] for r in records] == ["PYTHON3"] * 3 + ["CPP"] * 3
    assert all(r["logprob_mean"] <= 0 and 0 <= r["value"] <= 1 for r in records)
    report = json.loads((out / "report.json").read_text())
    assert report["source"] == f"server:tiny@{own_url}" and report["samples"]["total"] == 6
    saved = yaml.safe_load((out / "config.yaml").read_text())
    assert saved["policy_url"] == own_url and saved["model"] is None and saved["testgen_model"] is None


def test_causal_model_through_the_server(causal_url):
    from test_causal_policy import SUM as PROBLEM  # short enough for the tiny model's window

    chat = ServerPolicy(causal_url, None, n_per_request=2)  # the one model the server lists
    assert chat.model == "qwen-tiny" and chat.prompt_format == "instruct"
    plan = plan_prompts(PROBLEM, 5, (PY, CPP), seed=0)
    settings = SamplingSettings(temperature=1.0, max_new_tokens=8, seed=1)
    samples = chat.sample(PROBLEM, plan, settings)
    assert [s.language for s in samples] == [PY, PY, PY, CPP, CPP]
    for s in samples:  # raw token log-probs from the server, one per generated token
        assert 1 <= s.n_tokens <= 8 and s.logprob_sum < 0
        assert s.logprob_mean == pytest.approx(s.logprob_sum / s.n_tokens)
    assert chat.sample(PROBLEM, plan, settings) == samples  # seeded per request
    assert any(not s.finished for s in samples)
    base = ServerPolicy(causal_url, "qwen-tiny", api="completions", n_per_request=1)
    replies = [s.extra["reply"] for s in base.sample(PROBLEM, plan[:2], settings)]
    assert all(r.startswith("```python\n") for r in replies)  # the fence the completions prompt opened
    assert isinstance(chat.write_inputs(PROBLEM, 2, seed=0), list)


def test_solve_serve_command(tiny_model_dir):
    """The command itself: start on a free port, answer the routes, refuse a bad request in OpenAI's error shape."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    process = subprocess.Popen([sys.executable, "-m", "solver.cli", "serve", str(tiny_model_dir), "--port", "0",
                                "--name", "tiny"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env)  # fmt: skip
    try:
        line = process.stdout.readline()
        assert "(alphacode prompts) at http://127.0.0.1:" in line, process.stderr.read() if not line else line
        url = line.rsplit(" ", 1)[1].strip()
        for _ in range(200):  # the socket listens before uvicorn serves it
            try:
                assert json.load(urllib.request.urlopen(url.removesuffix("/v1") + "/health")) == {"status": "ok"}
                break
            except OSError:
                time.sleep(0.05)
        listing = json.load(urllib.request.urlopen(url + "/models"))
        assert [m["id"] for m in listing["data"]] == ["tiny"]
        request = {"model": "tiny", "max_tokens": 8, "seed": 0, "n": 2,
                   "messages": [{"role": "user", "content": solution_request(PROBLEM, CPP)}]}  # fmt: skip
        reply = _post(url + "/chat/completions", request)
        assert len(reply["choices"]) == 2 and reply["choices"][0]["message"]["content"].startswith("```cpp\n")
        with pytest.raises(urllib.error.HTTPError) as error:
            _post(url + "/chat/completions", {**request, "messages": [{"role": "user", "content": "hello"}]})
        assert error.value.code == 400 and "project's prompt" in json.load(error.value)["error"]["message"]
    finally:
        process.terminate()
        process.wait(timeout=300)  # a graceful shutdown; slow only on a starved machine


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))


# ------------------------------------------------------------------------------------------- a scripted server


class Scripted:
    """A real HTTP server whose replies to POSTs come from `reply(body) -> (status, text)`; it counts requests."""

    def __init__(self, reply: Callable[[dict], tuple[int, str]], models: tuple[str, ...] = ("m",)):
        self.reply, self.bodies = reply, []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self._send(200, json.dumps({"object": "list", "data": [{"id": m, "object": "model"} for m in models]}))

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                outer.bodies.append(body)
                self._send(*outer.reply(body))

            def _send(self, status: int, text: str):
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"  # no /v1: the policy adds it
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _chat(*contents: str, reason: str = "stop") -> str:
    choices = [{"index": i, "finish_reason": reason, "message": {"role": "assistant", "content": c},
                "logprobs": {"content": [{"token": "x", "logprob": -0.5}] * 4}} for i, c in enumerate(contents)]  # fmt: skip
    return json.dumps({"choices": choices, "usage": {"completion_tokens": 4 * len(contents)}})


@pytest.fixture
def scripted():
    servers: list[Scripted] = []

    def make(reply, models=("m",)) -> Scripted:
        servers.append(Scripted(reply, models))
        return servers[-1]

    yield make
    for server in servers:
        server.close()


PROGRAM = "```python\nprint(sum(map(int, open(0).read().split()[1:])))\n```"


def test_retries_after_500_and_non_json(scripted):
    script = iter([(500, '{"error": {"message": "busy"}}'), (200, "<html>proxy</html>"), (200, _chat(PROGRAM))])
    server = scripted(lambda body: next(script))
    policy = ServerPolicy(server.url, "m", retry_delay=0.01)
    [sample] = policy.sample(PROBLEM, plan_prompts(PROBLEM, 1, (PY,), 0), SamplingSettings(seed=5))
    assert len(server.bodies) == 3 and server.bodies[-1]["seed"] == 5
    assert sample.code.startswith("print(sum(") and sample.finished
    assert (sample.n_tokens, sample.logprob_sum, sample.logprob_mean) == (4, -2.0, -0.5)


def test_server_ignoring_n_gets_single_requests(scripted):
    server = scripted(lambda body: (200, _chat(PROGRAM, reason="length")))  # always one choice, cut
    policy = ServerPolicy(server.url, "m", n_per_request=3)
    samples = policy.sample(PROBLEM, plan_prompts(PROBLEM, 3, (PY,), 0), SamplingSettings(seed=10))
    assert [b["n"] for b in server.bodies] == [3, 1, 1] and sorted(b["seed"] for b in server.bodies[1:]) == [11, 12]
    assert len(samples) == 3 and not any(s.finished for s in samples)  # finish_reason "length": kept, unfinished


def test_server_refusing_n_above_its_slots_gets_single_requests(scripted):
    """llama-server answers n above its --parallel with a 400; the policy then sends single requests."""
    def reply(body):
        if body["n"] > 1:
            return 400, json.dumps({"error": {"code": 400, "message": "n: Value must be between 1 <= value <= 1, "
                                              "but got 2", "type": "invalid_request_error"}})  # fmt: skip
        return 200, _chat(PROGRAM)

    server = scripted(reply)
    samples = ServerPolicy(server.url, "m", n_per_request=2).sample(
        PROBLEM, plan_prompts(PROBLEM, 2, (PY,), 0), SamplingSettings(seed=0))  # fmt: skip
    assert [b["n"] for b in server.bodies] == [2, 1, 1] and len(samples) == 2
    assert all(s.code.startswith("print(sum(") for s in samples)
    assert server.bodies[0]["logprobs"] is True and server.bodies[0]["top_logprobs"] == 1


def test_inputs_written_through_a_server(scripted):
    replies = iter(["```\n2 3\n```", "```python\nprint(1)\n```", PROBLEM.public_tests.input[0], "```\n2 3\n```"])
    server = scripted(lambda body: (200, _chat(*[next(replies) for _ in range(body["n"])])))
    policy = ServerPolicy(server.url, "m")
    # a program and a copy of the example are not inputs; a repeat is kept once
    assert policy.write_inputs(PROBLEM, 4, seed=0) == ["2 3\n"]
    assert "logprobs" not in server.bodies[0] and server.bodies[0]["temperature"] == 0.8


def test_bad_servers_are_one_line(scripted):
    too_long = scripted(lambda body: (400, json.dumps({"error": {"message": "This model's maximum context length "
                                                                            "is 2048 tokens. However, you requested 9000"}})))  # fmt: skip
    with pytest.raises(ServerError, match=r"the prompt for 9002_A. Day and Night does not fit the server.s context: This model.s maximum"):
        ServerPolicy(too_long.url, "m").sample(PROBLEM, plan_prompts(PROBLEM, 1, (PY,), 0), SamplingSettings())
    garbage = scripted(lambda body: (200, "not json"))
    with pytest.raises(ServerError, match=r"not a JSON object .* \(after 2 attempts\)"):
        ServerPolicy(garbage.url, "m", max_retries=1, retry_delay=0.01).sample(
            PROBLEM, plan_prompts(PROBLEM, 1, (PY,), 0), SamplingSettings())
    with pytest.raises(ServerError, match=r"no model 'llama' on this server; it serves: m, other"):
        ServerPolicy(scripted(lambda b: (200, "{}"), ("m", "other")).url, "llama")
    with pytest.raises(UsageError, match="not a server URL"):
        ServerPolicy("localhost:8000", "m")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("args, expected", [
    (["--policy-url", "http://127.0.0.1:{port}/v1"], "http://127.0.0.1:{port}/v1: cannot reach the server"),
    (["--policy-url", "localhost:1"], "field 'policy_url'"),
    (["--policy-url", "http://127.0.0.1:{port}", "--model", "x"], "exclude each other"),
])  # fmt: skip
def test_solve_with_bad_server_arguments(args, expected, capsys, tmp_path):
    port = _closed_port()
    code = main([str(EXAMPLE), *[a.format(port=port) for a in args], "--out", str(tmp_path / "run")])
    err = capsys.readouterr().err
    assert code == 2 and expected.format(port=port) in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "run").exists()


def test_wrong_model_name_from_the_command_line(scripted, capsys):
    server = scripted(lambda body: (200, "{}"), ("qwen",))
    assert main([str(EXAMPLE), "--policy-url", server.url, "--served-model", "llama"]) == 2
    err = capsys.readouterr().err
    assert f"{server.url}/v1: no model 'llama' on this server; it serves: qwen" in err
    assert len(err.strip().splitlines()) == 1


def test_batch_records_a_failing_problem_and_goes_on(scripted, tmp_path):
    """One problem's prompt is over the server's context: that problem is recorded as failed, the other solved."""
    problems = tmp_path / "problems"
    problems.mkdir()
    for name in ("day_and_night", "lamp_garland"):
        (problems / f"{name}.json").write_text((EXAMPLES / f"{name}.json").read_text())

    bigger_context = threading.Event()

    def reply(body):
        if "garland" in body["messages"][0]["content"].lower() and not bigger_context.is_set():
            return 400, json.dumps({"error": {"message": "prompt is too long for the context window"}})
        return 200, _chat(*[PROGRAM] * body["n"])

    server = scripted(reply)
    out = tmp_path / "run"
    code = main(["batch", str(problems), "--out", str(out), "--policy-url", server.url, "--served-model", "m",
                 "--overrides", "samples=2", "languages=[PYTHON3]", "inputs=0"])  # fmt: skip
    assert code == 1
    records = {json.loads(line)["problem"]: json.loads(line) for line in (out / "problems.jsonl").read_text().splitlines()}
    failed = [name for name, record in records.items() if record.get("failed")]
    assert len(records) == 2 and len(failed) == 1 and "garland" in failed[0].lower()
    assert "does not fit the server's context" in records[failed[0]]["failed"]

    # The server restarted with a larger context: --retry-failed runs that problem again (a longer timeout is
    # only how the work is done, so the run resumes with it), its new record supersedes the failed one.
    bigger_context.set()
    asked = len(server.bodies)
    args = ["batch", str(problems), "--out", str(out), "--policy-url", server.url, "--served-model", "m",
            "--overrides", "samples=2", "languages=[PYTHON3]", "inputs=0", "server_timeout=900"]  # fmt: skip
    assert main(args) == 1 and len(server.bodies) == asked  # a plain resume does not retry
    assert main([*args, "--retry-failed"]) == 0
    lines = [json.loads(line) for line in (out / "problems.jsonl").read_text().splitlines()]
    assert [r["problem"] for r in lines].count(failed[0]) == 2 and not lines[-1].get("failed")
    assert main(["evaluate", str(out)]) == 0
    assert main([*args[:-1], "temperature=0.9"]) == 2  # what is computed may not change on resume


def test_sigterm_during_a_long_generation_exits_at_once(scripted, tmp_path):
    """A server still generating (here: one that never answers) must not hold up SIGTERM: the run exits 130 within
    seconds, not after the request timeout, and leaves no partial output."""
    answer = threading.Event()
    server = scripted(lambda body: (answer.wait(120), (200, _chat(PROGRAM)))[1])
    out = tmp_path / "run"
    process = subprocess.Popen(
        [sys.executable, "-m", "solver.cli", str(EXAMPLE), "--policy-url", server.url, "--served-model", "m",
         "--samples", "4", "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 300  # generous: starting torch on a loaded machine is slow
        while not server.bodies and time.monotonic() < deadline:  # sampling has started: a request is in flight
            time.sleep(0.05)
        assert server.bodies, process.stderr.read() if process.poll() is not None else "the run never asked the server"
        process.terminate()
        code = process.wait(timeout=90)  # far under the 600 s request timeout the old pool waited for
    finally:
        answer.set()
        process.kill()
    assert code == 130
    assert not (out / "report.json").exists()
