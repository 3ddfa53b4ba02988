"""Which CPU engine samples fastest here, by measurement (issue #19, item 3): the causal policy's transformers path
(fp32 and bf16), CTranslate2 int8, and llama.cpp's llama-server driven through the server policy, each measured
against the machine's own matmul and memory roof in the same run.

    bash scripts/install_llama_server.sh            # once: builds runs/engines/llama.cpp/bin/llama-server
    .venv/bin/python scripts/bench_engines.py [--models 0.5b 1.5b] [--engines ...] [--sequences 1 16 64]
        [--new-tokens 256] [--threads 2] [--case-timeout 2400] [--quick] [--out results/bench/engines.json]

Run it on a quiet machine: every figure is a wall-clock rate. `--models` takes the names 0.5b and 1.5b (the GGUF
files that ../shared/tools/get-small-code-model.sh and get-code-model-1.5b.sh write under runs/models/) or paths.
`--quick` is a smoke run (0.5b, 8 new tokens, 1 and 2 sequences) written to runs/bench/engines-quick.json.

Every case (engine x model x number of sequences) runs in its own process (scripts/bench_engines_worker.py, whose
docstring says how each engine is driven and forced to generate exactly N tokens): its peak RSS is its own, and a
crash, an out-of-memory kill or a timeout is recorded as that case's error while the others go on. All engines get
the same prompt (the causal policy's Python 3 request for one bundled Codeforces-style problem, through the GGUF's
chat template) and sample at the same temperature with EOS suppressed, so each generates sequences x N tokens.

Reported per case: generated tokens/s over the wall time from a prompt the engine has not seen to all samples done
(prefill included), samples per minute, the prefill of one prompt (separately probed), peak RSS during the timed
part and during loading, and two fractions of the machine's roof:
  compute  tokens/s x FLOPs per token / the matmul rate (fp32 roof for fp32, bf16 roof otherwise: the best dense
           rate torch reaches here; int8/Q4 kernels could in principle exceed it). FLOPs per token = 2 x the
           parameters used in matmuls (the LM head included, the embedding lookup not) + 4 x layers x width x the
           mean context (attention scores and values);
  memory   decode steps/s x bytes of weights read per step / the memory read bandwidth, where steps/s = tokens/s
           / sequences (one token per sequence per step) and bytes per step = matmul parameters x 4 (fp32), 2
           (bf16), 1 (int8) or the GGUF's bytes per parameter (llama.cpp): at small batch, decode is bound by this.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shlex
import signal
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).resolve().parent / "bench_engines_worker.py"
RESULT_TAG = "BENCH-RESULT "
ENGINES = ("hf-fp32", "hf-bf16", "ct2-int8", "llama-server", "llama-server-concurrent")
MODELS = {"0.5b": "runs/models/qwen-0.5b/model.gguf", "1.5b": "runs/models/qwen-1.5b/model.gguf"}
MODEL_SCRIPTS = {"0.5b": "get-small-code-model.sh", "1.5b": "get-code-model-1.5b.sh"}
BASELINE = "hf-fp32"  # today's causal policy path: the speed-ups are relative to it
TEMPERATURE = 0.8
CPU_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16", "amx_int8")


# ------------------------------------------------------------------------------------------- model facts


def model_facts(path: Path) -> dict:
    """Sizes read from the GGUF header or an HF directory's config and safetensors headers (no weights loaded):
    parameters, those used in matmuls, layers, width."""
    if path.is_dir():
        return hf_directory_facts(path)
    from gguf import GGUFReader

    reader = GGUFReader(str(path))

    def field(key: str):
        entry = reader.fields.get(key)
        if entry is None:
            return None
        value = entry.parts[entry.data[0]]
        return bytes(value).decode() if entry.types and entry.types[0].name == "STRING" else int(value[0])

    arch = field("general.architecture")
    counts = {t.name: int(t.n_elements) for t in reader.tensors}
    total = sum(counts.values())
    # A separate output matrix makes the embedding table a lookup only; a tied one is read as the LM head.
    lookup = counts.get("token_embd.weight", 0) if "output.weight" in counts else 0
    return {"path": str(path), "file_bytes": path.stat().st_size, "architecture": arch, "parameters": total,
            "matmul_parameters": total - lookup, "layers": field(f"{arch}.block_count"),
            "width": field(f"{arch}.embedding_length")}  # fmt: skip


def hf_directory_facts(path: Path) -> dict:
    config = json.loads((path / "config.json").read_text())
    config = config.get("text_config", config)
    counts: dict[str, int] = {}
    for file in path.glob("*.safetensors"):  # an 8-byte length, then a JSON header of dtypes and shapes
        with file.open("rb") as handle:
            header = json.loads(handle.read(int.from_bytes(handle.read(8), "little")))
        for name, entry in header.items():
            if name != "__metadata__":
                counts[name] = math.prod(entry["shape"])
    total = sum(counts.values())
    lookup = next((n for name, n in counts.items() if name.endswith("embed_tokens.weight")), 0)
    lookup = 0 if config.get("tie_word_embeddings", True) else lookup
    return {"path": str(path), "file_bytes": sum(f.stat().st_size for f in path.glob("*.safetensors")),
            "architecture": config.get("model_type"), "parameters": total, "matmul_parameters": total - lookup,
            "layers": config.get("num_hidden_layers"), "width": config.get("hidden_size")}  # fmt: skip


def flops_per_token(facts: dict, mean_context: float) -> float:
    attention = 4 * (facts["layers"] or 0) * (facts["width"] or 0) * mean_context  # QK^T and AV, all heads
    return 2 * facts["matmul_parameters"] + attention


def bytes_per_parameter(engine: str, facts: dict) -> float:
    """Bytes of weights read per parameter at a decode step: the engine's storage type; llama.cpp reads the GGUF's
    own mix of quantisations (Q4_K_M: mostly 4.5 bits, some 6 and 8)."""
    fixed = {"hf-fp32": 4.0, "hf-bf16": 2.0, "ct2-int8": 1.0}
    return fixed.get(engine) or facts["file_bytes"] / facts["parameters"]


def roof_fractions(result: dict, facts: dict, roof: dict) -> dict:
    """The case's rate as fractions of the compute and memory roofs (see the module docstring)."""
    if "tokens_per_second" not in result or not roof.get("matmul_gflops"):
        return {}
    rate = result["tokens_per_second"]
    context = result["prompt_tokens"] + result["new_tokens"] / 2
    peak = roof["matmul_gflops"]["float32" if result["engine"] == "hf-fp32" else "bfloat16"] * 1e9
    read_per_step = facts["matmul_parameters"] * bytes_per_parameter(result["engine"], facts)
    steps = rate / result["sequences"]
    return {"compute_fraction": rate * flops_per_token(facts, context) / peak,
            "memory_fraction": steps * read_per_step / (roof["read_gbps"] * 1e9)}  # fmt: skip


# ------------------------------------------------------------------------------------------- running cases


def run_case(case: dict, timeout: float) -> dict:
    """The worker's figures for one case, or {"error": ...}. The worker gets a process group of its own, so a
    timeout ends it together with any llama-server it started."""
    command = [sys.executable, str(WORKER), json.dumps(case)]
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               start_new_session=True)  # fmt: skip
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return {"error": f"timeout after {timeout:g} s", "case_seconds": round(time.perf_counter() - start, 1)}
    lines = [line for line in out.splitlines() if line.startswith(RESULT_TAG)]
    if process.returncode != 0 or not lines:
        tail = [line for line in err.strip().splitlines() if line.strip()][-1:] or ["no output"]
        reason = "killed by signal " + str(-process.returncode) if process.returncode < 0 else tail[0]
        return {"error": f"exit status {process.returncode}: {reason}"[:500],
                "case_seconds": round(time.perf_counter() - start, 1)}  # fmt: skip
    result = json.loads(lines[-1][len(RESULT_TAG) :])
    result["case_seconds"] = round(time.perf_counter() - start, 1)
    return result


def finish(result: dict) -> dict:
    """Derived rates of a measured case."""
    if "wall_seconds" in result and result.get("generated_tokens"):
        result["tokens_per_second"] = result["generated_tokens"] / result["wall_seconds"]
        result["samples_per_minute"] = 60 * result["sequences"] / result["wall_seconds"]
        if result.get("min_row_tokens") != result["new_tokens"]:
            result["note"] = f"shortest sample has {result.get('min_row_tokens')} tokens, not {result['new_tokens']}"
    return result


def resolve_model(name: str) -> tuple[str, Path]:
    path = ROOT / MODELS[name] if name in MODELS else Path(name).resolve()
    label = name if name in MODELS else (path.name if path.is_dir() else path.parent.name)
    return label, path


# ------------------------------------------------------------------------------------------- facts of the run


def machine() -> dict:
    info = {"processor": platform.processor(), "logical_cpus": os.cpu_count(), "load_average_start": os.getloadavg()}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        info["cpu"] = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                            if line.startswith("model name")), None)  # fmt: skip
        flags = next((line.split(":", 1)[1].split() for line in cpuinfo.splitlines() if line.startswith("flags")), [])
        info["cpu_flags"] = [flag for flag in CPU_FLAGS if flag in flags]
        total = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        info["memory_gb"] = round(int(total.split()[1]) / 1024**2, 1)
    except (OSError, StopIteration):
        pass
    return info


def versions(llama_server: Path) -> dict:
    found: dict = {"python": platform.python_version()}
    for package in ("torch", "transformers", "ctranslate2", "openai", "gguf"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    try:
        text = subprocess.run([str(llama_server), "--version"], capture_output=True, text=True, timeout=60)
        found["llama_server"] = (text.stderr + text.stdout).strip().splitlines()[-2:]
    except (OSError, subprocess.TimeoutExpired):
        found["llama_server"] = None
    git = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    found["git_commit"] = git.stdout.strip() or None
    return found


# ------------------------------------------------------------------------------------------- report


def table(results: list[dict]) -> Table:
    view = Table(title="generated tokens/s, from a new prompt to all samples done (prefill included)")
    for name in ("model", "engine", "seqs", "tokens/s", f"x {BASELINE}", "samples/min", "prefill s", "peak RSS GB",
                 "load RSS GB", "% compute roof", "% memory roof", "note"):  # fmt: skip
        view.add_column(name, justify="left" if name in ("model", "engine", "note") else "right")
    baseline = {(r["model"], r["sequences"]): r.get("tokens_per_second") for r in results if r["engine"] == BASELINE}

    def number(value, digits: int = 1, scale: float = 1.0) -> str:
        return "-" if value is None else f"{value * scale:.{digits}f}"

    for r in results:
        base = baseline.get((r["model"], r["sequences"]))
        rate = r.get("tokens_per_second")
        view.add_row(
            r["model"], r["engine"], str(r["sequences"]), number(rate),
            number(rate / base, 2) if rate and base else "-", number(r.get("samples_per_minute"), 2),
            number(r.get("prefill_seconds"), 2), number(r.get("peak_rss_mb"), 2, 1 / 1024),
            number(r.get("load_peak_rss_mb"), 2, 1 / 1024), number(r.get("compute_fraction"), 1, 100),
            number(r.get("memory_fraction"), 1, 100), r.get("error") or r.get("note") or "",
        )  # fmt: skip
    return view


# ------------------------------------------------------------------------------------------- main


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", nargs="+", help="0.5b, 1.5b (the default), paths of .gguf files, or HF "
                        "directories (not for llama-server)")  # fmt: skip
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--sequences", nargs="+", type=int, help="default 1 16 64")
    parser.add_argument("--new-tokens", type=int, help="default 256")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--temperature", type=float, default=TEMPERATURE)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--problem", type=Path, default=ROOT / "problems/examples/lamp_garland.json")
    parser.add_argument("--llama-server", type=Path, default=ROOT / "runs/engines/llama.cpp/bin/llama-server")
    parser.add_argument("--cache-dir", type=Path, default=ROOT / "runs/engines", help="converted models")
    parser.add_argument("--case-timeout", type=float, default=2400.0, help="seconds; a slower case is an error")
    parser.add_argument("--quick", action="store_true", help="smoke run: 0.5b, 8 new tokens, 1 and 2 sequences")
    parser.add_argument("--out", type=Path, default=None, help="default results/bench/engines.json "
                        "(runs/bench/engines-quick.json with --quick)")  # fmt: skip
    args = parser.parse_args()
    # --quick changes the defaults only: `--quick --models DIR` is a smoke run on another model
    quick = {"models": ["0.5b"], "sequences": [1, 2], "new_tokens": 8}
    full = {"models": list(MODELS), "sequences": [1, 16, 64], "new_tokens": 256}
    for name, value in (quick if args.quick else full).items():
        if getattr(args, name) is None:
            setattr(args, name, value)
    if args.out is None:
        args.out = ROOT / ("runs/bench/engines-quick.json" if args.quick else "results/bench/engines.json")
    if min(args.sequences) < 1 or args.new_tokens < 1 or args.threads < 1:
        parser.error("--sequences, --new-tokens and --threads must be >= 1")
    return args


def main() -> None:
    args = parse_args()
    console = Console()
    models = [resolve_model(name) for name in args.models]
    for name, path in models:
        if not path.is_file() and not (path / "config.json").is_file():
            hint = f" (bash ../shared/tools/{MODEL_SCRIPTS[name]} {path.parent})" if name in MODEL_SCRIPTS else ""
            sys.exit(f"bench_engines: {path}: no such model file{hint}")
    if any(e.startswith("llama-server") for e in args.engines) and not args.llama_server.is_file():
        console.print(f"[yellow]{args.llama_server} not found: build it with bash scripts/install_llama_server.sh; "
                      "its cases will be errors[/]")  # fmt: skip
    record: dict = {"command": shlex.join([Path(sys.executable).name, *sys.argv]), "started": time.strftime(
                    "%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": machine(), "versions": versions(args.llama_server),
                    "settings": {"engines": args.engines, "sequences": args.sequences, "new_tokens": args.new_tokens,
                                 "threads": args.threads, "temperature": args.temperature, "seed": args.seed,
                                 "problem": os.path.relpath(args.problem.resolve(), ROOT)}}  # fmt: skip
    if record["machine"]["load_average_start"][0] > 0.5:
        console.print(f"[yellow]load average {record['machine']['load_average_start'][0]:.1f}: the machine is not "
                      "quiet, figures will be low[/]")  # fmt: skip
    base = {"threads": args.threads, "temperature": args.temperature, "seed": args.seed, "problem": str(args.problem),
            "cache_dir": str(args.cache_dir), "llama_server": str(args.llama_server)}  # fmt: skip

    console.print("roof: matmul and memory bandwidth …")
    roof_bytes = (256 if args.quick else 1024) << 20  # far beyond every cache either way
    record["roof"] = run_case({**base, "engine": "roof", "roof_bytes": roof_bytes}, args.case_timeout)
    console.print(record["roof"])
    record["models"], record["conversions"], results = {}, {}, []
    for name, path in models:
        facts = record["models"][name] = model_facts(path)
        if "ct2-int8" in args.engines:
            console.print(f"{name}: converting to CTranslate2 int8 (cached) …")
            record["conversions"][name] = run_case({**base, "engine": "ct2-convert", "model": str(path),
                                                    "model_name": name}, args.case_timeout)  # fmt: skip
        for engine in args.engines:
            for sequences in args.sequences:
                case = {**base, "engine": engine, "model": str(path), "model_name": name, "sequences": sequences,
                        "new_tokens": args.new_tokens}  # fmt: skip
                console.print(f"{name} {engine} x{sequences} …", end=" ")
                result = {"model": name, "engine": engine, "sequences": sequences, "new_tokens": args.new_tokens,
                          **run_case(case, args.case_timeout)}  # fmt: skip
                result = finish(result)
                result.update(roof_fractions(result, facts, record["roof"]))
                results.append(result)
                console.print(result.get("error") or f"{result.get('tokens_per_second', 0):.1f} tokens/s")
                record["results"] = results
                write(args.out, record)  # after every case: an interrupted run keeps what it measured

    record["machine"]["load_average_end"] = os.getloadavg()
    record["results"] = results
    write(args.out, record)
    console.print(table(results))
    console.print(f"wrote {args.out}")


def write(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(record, indent=2) + "\n")
    partial.replace(path)


if __name__ == "__main__":
    main()
