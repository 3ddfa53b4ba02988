"""One case of scripts/bench_engines.py, run in a process of its own so that its peak memory is its own and a crash
stops only this case. Not meant to be run by hand:

    .venv/bin/python scripts/bench_engines_worker.py '{"engine": "hf-fp32", "model": "...gguf", ...}'

It prints one line `BENCH-RESULT {json}` (the case's figures) and nothing else on stdout.

Cases (`engine`):
  roof            torch matmul GFLOP/s (fp32, bf16: a (2048, 2048) @ (2048, N) product) and memory GB/s (a large
                  tensor read, and a copy), with the case's thread count;
  hf-fp32/-bf16   the causal policy's path: `CausalPolicy` loads the GGUF (dequantised by transformers), the prompt's
                  KV cache is prefilled once and copied into the batch, `generate()` samples with the policy's raw
                  log-prob recorder; min_new_tokens = max_new_tokens masks EOS, so every row has exactly N tokens;
  ct2-convert     the GGUF dequantised by transformers, saved as an HF directory, converted to CTranslate2 int8
                  (cached under the cache dir; the HF directory is removed after);
  ct2-int8        ctranslate2.Generator, the prompt as a cached static prompt (one prefill shared by the batch),
                  min_length = max_length = N;
  llama-server    a fresh `llama-server --parallel B --ignore-eos` (EOS never sampled), the prompt's prefill probed
  (-concurrent)   once and then erased from the slot; B samples through `ServerPolicy` (stop strings removed, so each
                  reply runs to max_tokens): one request with n = B (the server prefills once and copies the slot
                  state to the other slots), or, for -concurrent, B concurrent single requests (one prefill each).

Every engine gets the same text: `solution_request` for Python 3 rendered by the GGUF's chat template (llama-server
renders the same template itself). Wall time always starts from a prompt the engine has not seen, so it includes
the prefill, and "tokens/s" below means generated tokens per wall second of that.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the worker runs from anywhere with the venv's python

RESULT_TAG = "BENCH-RESULT "
WARMUP_TOKENS = 4
SERVER_START_TIMEOUT = 600.0
SERVED_NAME = "bench"


# ------------------------------------------------------------------------------------------- memory


def status_kb(pid: int | str, field: str) -> int | None:
    """A `VmRSS`/`VmHWM` line of /proc/PID/status in kB (None once the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def reset_peak(pid: int | str = "self") -> bool:
    """Resets the peak-RSS mark (VmHWM) to the current RSS, so a later VmHWM is the peak of what came after."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def mb(kb: int | None) -> float | None:
    return None if kb is None else round(kb / 1024, 1)


# ------------------------------------------------------------------------------------------- the prompt


def prompt_request(problem_path: str) -> tuple[Any, str]:
    """(public view, instruction text) of the benchmark's problem, as the causal policy words it for Python 3."""
    from solver.pipeline.causal import solution_request
    from solver.problem import Language, load_problem

    problem = load_problem(problem_path).public_view()
    return problem, solution_request(problem, Language.PYTHON3)


def prompt_ids(tokenizer, request: str) -> list[int]:
    from solver.pipeline.causal import FENCE_TAG, render_prompt
    from solver.problem import Language

    prompt = render_prompt(tokenizer, request, FENCE_TAG[Language.PYTHON3])
    return tokenizer(prompt.text, add_special_tokens=not prompt.chat).input_ids  # a chat template writes its own


def hf_source(model: str) -> tuple[Path, dict]:
    """(directory, extra from_pretrained arguments) of a .gguf file or an HF directory."""
    path = Path(model)
    if path.is_dir():
        return path, {"local_files_only": True}
    return path.parent, {"gguf_file": path.name, "local_files_only": True}


def load_tokenizer(model: str):
    from transformers import AutoTokenizer

    directory, kwargs = hf_source(model)
    return AutoTokenizer.from_pretrained(directory, **kwargs)


# ------------------------------------------------------------------------------------------- roof


def run_roof(case: dict) -> dict:
    """The machine's ceilings with `threads` threads: matmul rate and memory bandwidth, best of several runs."""
    import torch

    torch.set_num_threads(case["threads"])
    size, n = 2048, case.get("roof_n", 64)
    matmul = {}
    for name, dtype in (("float32", torch.float32), ("bfloat16", torch.bfloat16)):
        a, b = torch.randn(size, size).to(dtype), torch.randn(size, n).to(dtype)
        matmul[name] = 2 * size * size * n / best_seconds(lambda: a @ b) / 1e9
    elements = case.get("roof_bytes", 1 << 30) // 4  # 1 GiB: far beyond every cache
    src, dst = torch.ones(elements), torch.empty(elements)
    read = elements * 4 / best_seconds(src.sum, min_total=2.0) / 1e9
    copy = 2 * elements * 4 / best_seconds(lambda: dst.copy_(src), min_total=2.0) / 1e9  # read + write
    return {"matmul_gflops": {k: round(v, 2) for k, v in matmul.items()}, "matmul_shape": [size, size, n],
            "read_gbps": round(read, 3), "copy_gbps": round(copy, 3), "threads": case["threads"]}  # fmt: skip


def best_seconds(fn, min_total: float = 1.0, min_reps: int = 3) -> float:
    """The fastest of repeated calls, after one warm-up call; repeats for at least `min_total` seconds."""
    fn()
    times: list[float] = []
    while len(times) < min_reps or sum(times) < min_total:
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


# ------------------------------------------------------------------------------------------- transformers


def run_hf(case: dict) -> dict:
    import torch

    from solver.pipeline.causal import CausalPolicy

    torch.set_num_threads(case["threads"])
    dtype = {"hf-fp32": "float32", "hf-bf16": "bfloat16"}[case["engine"]]
    start = time.perf_counter()
    policy = CausalPolicy(Path(case["model"]), dtype=dtype)
    load_seconds = time.perf_counter() - start
    load_peak = status_kb("self", "VmHWM")
    _, request = prompt_request(case["problem"])
    ids = torch.tensor([prompt_ids(policy.tokenizer, request)])  # (1, P)
    fixed_generate(policy, ids[:, -16:], policy._prefill(ids[:, -16:]), 1, WARMUP_TOKENS, case)  # kernels, allocator

    reset_peak()
    start = time.perf_counter()
    prefix = policy._prefill(ids)  # once per prompt, as CausalPolicy._draw_many does
    prefill = time.perf_counter() - start
    rows = fixed_generate(policy, ids, prefix, case["sequences"], case["new_tokens"], case)
    wall = time.perf_counter() - start
    weight_bytes = sum(p.numel() * p.element_size() for p in policy.model.parameters())
    return {"prompt_tokens": ids.shape[1], "generated_tokens": sum(rows), "min_row_tokens": min(rows),
            "wall_seconds": wall, "prefill_seconds": prefill, "load_seconds": load_seconds,
            "peak_rss_mb": mb(status_kb("self", "VmHWM")), "load_peak_rss_mb": mb(load_peak),
            "weight_bytes": weight_bytes, "forced_length": "generate(min_new_tokens=N, max_new_tokens=N)"}  # fmt: skip


def fixed_generate(policy, ids, prefix, size: int, new_tokens: int, case: dict) -> list[int]:
    """CausalPolicy._generate with exactly `new_tokens` per row (EOS masked by min_new_tokens) and without the
    code-block stopping rule; the raw log-prob recorder stays, since the policy pays for it. Tokens per row."""
    import copy

    import torch
    from transformers import GenerationConfig, LogitsProcessorList

    from solver.pipeline.causal import RawLogprobs

    batch = ids.expand(size, -1)  # (B, P)
    own = policy.model.generation_config
    config = GenerationConfig(do_sample=True, temperature=case["temperature"], top_k=0, top_p=1.0,
                              max_new_tokens=new_tokens, min_new_tokens=new_tokens,
                              eos_token_id=own.eos_token_id, pad_token_id=own.pad_token_id)  # fmt: skip
    cache = None
    if prefix is not None:
        cache = copy.deepcopy(prefix)
        cache.batch_repeat_interleave(size)
    torch.manual_seed(case["seed"])
    with torch.no_grad():
        sequences = policy.model.generate(
            input_ids=batch, attention_mask=torch.ones_like(batch), cache=cache, generation_config=config,
            logits_processor=LogitsProcessorList([RawLogprobs()]),
        )  # fmt: skip
    return [sequences.shape[1] - ids.shape[1]] * size  # no row can stop early: generate() pads none


# ------------------------------------------------------------------------------------------- CTranslate2


def ct2_dir(case: dict) -> Path:
    return Path(case["cache_dir"]) / "ct2" / f"{case['model_name']}-int8"


def run_ct2_convert(case: dict) -> dict:
    """GGUF → (transformers, dequantised fp32) HF directory → CTranslate2 int8, done once and cached."""
    import ctranslate2
    import torch
    from transformers import AutoModelForCausalLM

    out = ct2_dir(case)
    if (out / "model.bin").is_file():
        return {"cached": True, "path": str(out)}
    start = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")  # a killed conversion never looks finished
    shutil.rmtree(partial, ignore_errors=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix="hf-") as hf_dir:
        source = Path(case["model"])
        if not source.is_dir():  # CTranslate2 reads HF directories: dequantise the GGUF into one first
            directory, kwargs = hf_source(case["model"])
            model = AutoModelForCausalLM.from_pretrained(directory, dtype=torch.float32, **kwargs)
            # The weights are plain fp32 tensors by now, but transformers keeps the GGUF "quantizer" on the model and
            # refuses to save it; without the marker it saves an ordinary checkpoint.
            model.hf_quantizer = None
            if hasattr(model.config, "quantization_config"):
                del model.config.quantization_config
            model.save_pretrained(hf_dir)
            load_tokenizer(case["model"]).save_pretrained(hf_dir)
            del model
            source = Path(hf_dir)
        ctranslate2.converters.TransformersConverter(str(source)).convert(str(partial), quantization="int8",
                                                                          force=True)  # fmt: skip
        partial.rename(out)
    return {"cached": False, "path": str(out), "convert_seconds": time.perf_counter() - start,
            "peak_rss_mb": mb(status_kb("self", "VmHWM"))}  # fmt: skip


def run_ct2(case: dict) -> dict:
    import ctranslate2

    model_dir = ct2_dir(case)
    if not (model_dir / "model.bin").is_file():
        raise RuntimeError(f"{model_dir}: not converted (the ct2-convert case failed)")
    start = time.perf_counter()
    generator = ctranslate2.Generator(str(model_dir), device="cpu", compute_type="int8",
                                      intra_threads=case["threads"], inter_threads=1)  # fmt: skip
    load_seconds = time.perf_counter() - start
    tokenizer = load_tokenizer(case["model"])
    _, request = prompt_request(case["problem"])
    tokens = tokenizer.convert_ids_to_tokens(prompt_ids(tokenizer, request))
    load_peak = status_kb("self", "VmHWM")
    sampling = {"sampling_topk": 0, "sampling_topp": 1.0, "sampling_temperature": case["temperature"]}  # 0: no top-k
    ctranslate2.set_random_seed(case["seed"])
    generator.generate_batch([tokens[-16:]], max_length=WARMUP_TOKENS, include_prompt_in_result=False, **sampling)

    reset_peak()
    start = time.perf_counter()  # the prefill probe: the whole prompt forwarded at once, one token sampled
    generator.generate_batch([tokens], max_length=1, include_prompt_in_result=False, **sampling)
    prefill = time.perf_counter() - start
    start = time.perf_counter()  # the static prompt is new here, so this includes its (single, shared) prefill
    n = case["new_tokens"]
    results = generator.generate_batch(
        [tokens[-1:]] * case["sequences"], static_prompt=tokens[:-1], cache_static_prompt=True,
        max_length=n, min_length=n, include_prompt_in_result=False, return_scores=True, **sampling,
    )  # fmt: skip
    wall = time.perf_counter() - start
    rows = [len(r.sequences_ids[0]) for r in results]
    return {"prompt_tokens": len(tokens), "generated_tokens": sum(rows), "min_row_tokens": min(rows),
            "wall_seconds": wall, "prefill_seconds": prefill, "load_seconds": load_seconds,
            "peak_rss_mb": mb(status_kb("self", "VmHWM")), "load_peak_rss_mb": mb(load_peak),
            "weight_bytes": (model_dir / "model.bin").stat().st_size,
            "forced_length": "generate_batch(min_length=N, max_length=N)"}  # fmt: skip


# ------------------------------------------------------------------------------------------- llama-server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:
    """In the server's child process: SIGTERM when this worker dies, so a killed case leaves no server behind."""
    import ctypes

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG


def http(url: str, body: dict | None = None, timeout: float = 600.0) -> dict:
    """GET (or POST `body`) one JSON object. The harness's own probes only (health, prefill probe, slot erase): the
    samples themselves go through the server policy or the openai client. Raises OSError (URLError, HTTPError)."""
    import urllib.request

    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as reply:
        return json.loads(reply.read() or b"{}")


def start_server(case: dict, context: int, log: Path) -> tuple[subprocess.Popen, str]:
    """A fresh llama-server with B slots of `context // B` tokens each, EOS ignored, ready to serve."""
    port = free_port()
    slots_dir = tempfile.mkdtemp(prefix="bench-slots-")  # --slot-save-path enables erasing a slot's cached prompt
    command = [case["llama_server"], "-m", case["model"], "--host", "127.0.0.1", "--port", str(port),
               "--alias", SERVED_NAME, "--parallel", str(case["sequences"]), "-c", str(context),
               "--threads", str(case["threads"]), "--threads-batch", str(case["threads"]),
               "--ignore-eos", "--slot-save-path", slots_dir, "--no-webui"]  # fmt: skip
    process = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-3:]
            raise RuntimeError(f"llama-server exited with status {process.returncode}: {' | '.join(tail)}")
        try:
            http(f"{url}/health", timeout=2.0)  # 503 while loading: an HTTPError, an OSError
            return process, url
        except (OSError, ValueError):
            pass
        time.sleep(0.5)
    process.terminate()
    raise RuntimeError(f"llama-server did not answer /health within {SERVER_START_TIMEOUT:g} s")


def run_llama(case: dict) -> dict:
    from solver.model.prompt import PromptSpec
    from solver.pipeline.policy import SamplingSettings
    from solver.problem import Language

    if not Path(case["llama_server"]).is_file():
        raise RuntimeError(f"{case['llama_server']}: not built (bash scripts/install_llama_server.sh)")
    if not case["model"].endswith(".gguf"):
        raise RuntimeError(f"{case['model']}: llama-server reads .gguf files only")
    size, n = case["sequences"], case["new_tokens"]
    problem, request = prompt_request(case["problem"])
    prompt_len = len(prompt_ids(load_tokenizer(case["model"]), request))
    context = size * (prompt_len + n + 64)  # every slot holds its own copy of the prompt and its reply
    log = Path(tempfile.mkstemp(prefix="llama-server-", suffix=".log")[1])
    start = time.perf_counter()
    process, url = start_server(case, context, log)
    try:
        load_seconds = time.perf_counter() - start
        load_peak = status_kb(process.pid, "VmHWM")
        messages = [{"role": "user", "content": request}]
        probe = http(f"{url}/v1/chat/completions", {"model": SERVED_NAME, "messages": messages, "max_tokens": 1,
                                                     "temperature": case["temperature"]})  # fmt: skip
        timings = probe.get("timings") or {}
        for slot in range(size):  # the timed run must not find the prompt cached
            http(f"{url}/slots/{slot}?action=erase", {}, timeout=60.0)

        reset_peak(process.pid)
        concurrent = case["engine"].endswith("-concurrent")
        settings = SamplingSettings(temperature=case["temperature"], top_p=1.0, max_new_tokens=n, batch_size=size,
                                    seed=case["seed"])  # fmt: skip
        plan = [PromptSpec(None, (), Language.PYTHON3)] * size
        start = time.perf_counter()
        driver, rows, scored = sample_through_server(url, problem, plan, settings, concurrent, messages)
        wall = time.perf_counter() - start
        peak = status_kb(process.pid, "VmHWM")
        version = subprocess.run([case["llama_server"], "--version"], capture_output=True, text=True).stderr.strip()
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    return {"prompt_tokens": timings.get("prompt_n", prompt_len), "generated_tokens": sum(rows),
            "min_row_tokens": min(rows), "wall_seconds": wall,
            "prefill_seconds": timings["prompt_ms"] / 1000 if "prompt_ms" in timings else None,
            "load_seconds": load_seconds, "peak_rss_mb": mb(peak), "load_peak_rss_mb": mb(load_peak),
            "weight_bytes": Path(case["model"]).stat().st_size, "driver": driver, "logprobs_returned": scored,
            "context": context, "server_version": version.splitlines()[-1] if version else None,
            "forced_length": "llama-server --ignore-eos, max_tokens=N, no stop strings"}  # fmt: skip


def sample_through_server(url: str, problem, plan, settings, concurrent: bool,
                          messages: list) -> tuple[str, list[int], bool]:  # fmt: skip
    """(driver, tokens per sample, whether log-probs came back). Through the project's ServerPolicy when it can be
    imported (stop strings removed: with EOS ignored, each reply then runs to max_tokens), else the openai client."""
    try:
        from solver.pipeline.server import ServerPolicy
    except ImportError:
        ServerPolicy = None
    if ServerPolicy is not None:

        class FixedLength(ServerPolicy):
            def _prompt_calls(self, *args, **kwargs):
                calls = super()._prompt_calls(*args, **kwargs)
                return [replace(call, body={k: v for k, v in call.body.items() if k != "stop"}) for call in calls]

        size = len(plan)
        policy = FixedLength(url, SERVED_NAME, concurrency=size if concurrent else 1,
                             n_per_request=1 if concurrent else size, max_retries=0)  # fmt: skip
        samples = policy.sample(problem, plan, settings)
        return "ServerPolicy", [s.n_tokens or 0 for s in samples], all(s.logprob_sum is not None for s in samples)
    return "openai", *openai_samples(url, settings, concurrent, messages, len(plan))


def openai_samples(url: str, settings, concurrent: bool, messages: list, size: int) -> tuple[list[int], bool]:
    """The same requests with the openai client: one request with n, or `size` concurrent single requests."""
    from concurrent.futures import ThreadPoolExecutor

    import openai

    client = openai.OpenAI(base_url=f"{url}/v1", api_key="none", timeout=3600.0, max_retries=0)

    def one(n: int, seed: int) -> list[tuple[int, bool]]:
        reply = client.chat.completions.create(model=SERVED_NAME, messages=messages, n=n, seed=seed, logprobs=True,
                                               temperature=settings.temperature, top_p=settings.top_p,
                                               max_tokens=settings.max_new_tokens)  # fmt: skip
        if n == 1:
            return [(reply.usage.completion_tokens, reply.choices[0].logprobs is not None)]
        return [(len(c.logprobs.content) if c.logprobs else 0, c.logprobs is not None) for c in reply.choices]

    if concurrent:
        with ThreadPoolExecutor(max_workers=size) as pool:
            rows = [row for part in pool.map(one, [1] * size, range(settings.seed, settings.seed + size)) for row in part]
    else:
        rows = one(size, settings.seed)
    return [tokens for tokens, _ in rows], all(scored for _, scored in rows)


# ------------------------------------------------------------------------------------------- entry point

RUNNERS = {"roof": run_roof, "hf-fp32": run_hf, "hf-bf16": run_hf, "ct2-convert": run_ct2_convert,
           "ct2-int8": run_ct2, "llama-server": run_llama, "llama-server-concurrent": run_llama}  # fmt: skip


def main() -> None:
    case = json.loads(sys.argv[1])
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    result = RUNNERS[case["engine"]](case)
    print(RESULT_TAG + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
