"""A sampling policy (and test-input writer) backed by any Hugging Face causal code model on local disk.

`--model PATH` routes here when PATH is a `.gguf` file, a directory holding exactly one, or a directory whose
config.json describes a causal LM (not this project's `alphacode` encoder-decoder). Nothing is ever downloaded.

Flow: problem → one instruction per language (chat template when the tokenizer has one, plain text otherwise)
→ batches of identical prompts sharing one prefilled KV cache → `generate()` → the program extracted from the
first fenced block of the reply. Replies stop at EOS or as soon as they hold a complete code block, so an
instruct model's closing explanation costs no tokens. Scores are log-probabilities of the generated tokens under
the model's raw distribution (before temperature, top-k and top-p), recorded while sampling.
"""

from __future__ import annotations

import ast
import copy
import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DynamicCache,
    GenerationConfig,
    LogitsProcessor,
    LogitsProcessorList,
    StoppingCriteria,
    StoppingCriteriaList,
)
from transformers.cache_utils import DynamicLayer
from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES
from transformers.utils import is_gguf_available

from solver.errors import UsageError
from solver.model.prompt import PromptSpec
from solver.pipeline.policy import PolicySample, Progress, SamplingSettings, helper_settings
from solver.problem import Language, PublicProblem

TITLES = {Language.PYTHON3: "Python 3", Language.CPP: "C++17"}
FENCE_TAG = {Language.PYTHON3: "python", Language.CPP: "cpp"}  # what the prompt asks the fence to say
# Fence tags accepted as the language (models write ```py, ```python3, ```c++ …); a bare ``` is a fallback.
ACCEPTED_TAGS = {
    Language.PYTHON3: frozenset({"python", "python3", "py", "py3"}),
    Language.CPP: frozenset({"cpp", "c++", "cc", "cxx", "cpp17"}),
}
CODE_TAGS = frozenset().union(*ACCEPTED_TAGS.values(), {"java", "c", "javascript", "rust", "go"})
LANGUAGE_HINT = {
    Language.PYTHON3: "Read with input() or sys.stdin, and never pass a message to input().",
    Language.CPP: "Read with cin or scanf, include every header you use, and never print a message before reading.",
}
INPUT_MAX_NEW_TOKENS = 160  # a small test input plus its fence; longer replies are dropped as unfinished
INPUT_TEMPERATURE = 0.8  # inputs should vary, but still follow the format
INPUT_BATCH = 16
_GGUF_HINT = "pip install gguf (or pip install -e '.[gguf]')"


# ------------------------------------------------------------------------------------------- locating a model


def _locate(path: Path) -> tuple[Path, str | None]:
    """(directory to load from, GGUF file name or None), or a one-line UsageError naming the path."""
    if not path.exists():
        raise UsageError(f"{path}: no such model file or directory")
    if path.is_file():
        if path.suffix.lower() != ".gguf":
            raise UsageError(f"{path}: not a model (expected a .gguf file or a directory with config.json)")
        return path.parent, path.name
    config = path / "config.json"
    if config.is_file():
        try:
            data = json.loads(config.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise UsageError(f"{config}: unreadable config ({error})") from None
        if not isinstance(data, dict):
            raise UsageError(f"{config}: expected a JSON object")
        if data.get("model_type") == "alphacode":
            raise UsageError(f"{path}: is this project's encoder-decoder checkpoint (model_type 'alphacode'), "
                             "not a causal LM")  # fmt: skip
        if not _config_is_causal(data):
            raise UsageError(f"{path}: config.json describes model_type {data.get('model_type')!r} "
                             f"(architectures {data.get('architectures')}), not a causal language model")  # fmt: skip
        return path, None
    ggufs = sorted(p.name for p in path.glob("*.gguf"))
    if len(ggufs) == 1:
        return path, ggufs[0]
    if ggufs:
        raise UsageError(f"{path}: holds several .gguf files ({', '.join(ggufs)}); pass one of them")
    raise UsageError(f"{path}: no config.json and no .gguf file, not a model directory")


def _config_is_causal(config: dict) -> bool:
    architectures = config.get("architectures") or []
    if architectures:  # the saved class names are the most direct evidence
        return any(str(a).endswith(("ForCausalLM", "LMHeadModel")) for a in architectures)
    return config.get("model_type") in MODEL_FOR_CAUSAL_LM_MAPPING_NAMES


def looks_like_causal_model(path: Path) -> bool:
    """Whether `--model PATH` names a Hugging Face causal LM (a .gguf file, or a directory as described above)."""
    try:
        _locate(Path(path))
    except UsageError:
        return False
    return True


# ------------------------------------------------------------------------------------------- prompts


def _statement(problem: PublicProblem) -> str:
    """The statement, plus the examples it does not already show (CodeContests statements usually do, and
    repeating them would only lengthen the prefill)."""
    text = problem.description.replace("\r\n", "\n").replace("\r", "\n").strip()
    missing = [(i, o) for i, o in problem.public_tests.pairs() if i.strip() not in text]
    for number, (given, expected) in enumerate(missing, 1):
        expected = expected if isinstance(expected, str) else expected[0]
        text += f"\n\nExample {number}\nInput:\n```\n{given.strip()}\n```\nOutput:\n```\n{expected.strip()}\n```"
    return text


def solution_request(problem: PublicProblem, language: Language) -> str:
    """The instruction for one program. Rating and tags are left out on purpose: AlphaCode's random metadata
    conditions a model fine-tuned on that header, while an off-the-shelf model never learned it, so random tags
    would only mislead it; leaving them out also lets every sample of a language share one prompt and one KV cache.
    The spec is still recorded with each sample."""
    title, tag = TITLES[language], FENCE_TAG[language]
    return (
        f"Write a {title} program that solves the competitive programming problem below.\n\n"
        f"{_statement(problem)}\n\n"
        "Requirements:\n"
        "- Read the input from standard input and write the answer to standard output, exactly in the output "
        "format the statement asks for.\n"
        '- Print nothing else: no prompts such as "Enter a number:", no labels, no debugging output. '
        f"{LANGUAGE_HINT[language]}\n"
        "- The program must be complete and fast enough for the largest inputs allowed.\n"
        f"- Reply with the whole program in a single ```{tag} code block and nothing else: no explanation."
    )


def input_request(problem: PublicProblem) -> str:
    """The instruction for one test input. The first example input is repeated next to the request because a
    small model copies a format it has just seen far better than one described pages earlier (on the 0.5B Qwen
    coder, without it most replies for a multi-test problem broke the format)."""
    inputs = problem.public_tests.input
    example = f"For reference, this is the example input:\n```\n{inputs[0].strip()}\n```\n\n" if inputs else ""
    return (
        "Below is a competitive programming problem. Write one new test input for it.\n\n"
        f"{_statement(problem)}\n\n{example}"
        "Requirements:\n"
        "- Follow the input format of the statement exactly, line by line, and satisfy every constraint.\n"
        "- Keep it small: at most 5 test cases, and every size (a count, the length of a string or list) at most 10.\n"
        "- Make it different from the examples.\n"
        "- Reply with the input only, inside a single ``` code block, with no explanation."
    )


@dataclass(frozen=True)
class Prompt:
    text: str  # what the model reads
    reply_prefix: str  # the start of the reply already written by the prompt (plain prompts open the fence)
    chat: bool


def render_prompt(tokenizer, request: str, fence_tag: str) -> Prompt:
    """Chat models get the request as a user turn; base models get it as text followed by an opened fence, so
    that the most likely continuation is the program itself."""
    if getattr(tokenizer, "chat_template", None):
        text = tokenizer.apply_chat_template(
            [{"role": "user", "content": request}], tokenize=False, add_generation_prompt=True
        )
        return Prompt(text, "", chat=True)
    prefix = f"```{fence_tag}\n"
    return Prompt(f"{request}\n\n{prefix}", prefix, chat=False)


# ------------------------------------------------------------------------------------------- reading replies


@dataclass(frozen=True)
class Block:
    tag: str  # the fence's language word, lower-cased ("" for a bare fence)
    body: str
    closed: bool


_OPEN = re.compile(r"^[ \t]*(`{3,})[ \t]*([^`\s]*)[^`\n]*$")
_CLOSE = re.compile(r"^[ \t]*(`{3,})[ \t]*$")
_PARTIAL_CLOSE = re.compile(r"^[ \t]*`{1,2}[ \t]*$")


def fenced_blocks(text: str) -> list[Block]:
    """Every fenced block in order. An unterminated block runs to the end, minus a closing fence being written."""
    lines, blocks, i = text.split("\n"), [], 0
    while i < len(lines):
        opening = _OPEN.match(lines[i])
        if opening is None:
            i += 1
            continue
        body, j = [], i + 1
        while j < len(lines) and not ((c := _CLOSE.match(lines[j])) and len(c[1]) >= len(opening[1])):
            body.append(lines[j])
            j += 1
        closed = j < len(lines)
        if not closed and body and _PARTIAL_CLOSE.match(body[-1]):
            body.pop()  # the reply was cut while writing the closing ```
        blocks.append(Block(opening[2].lower(), textwrap.dedent("\n".join(body)).strip("\n"), closed))
        i = j + 1
    return blocks


def closed_block(reply: str, tags: frozenset[str] | None) -> Block | None:
    """The first complete, non-empty block whose tag is in `tags` or bare (any tag when `tags` is None)."""
    for block in fenced_blocks(reply):
        if block.closed and block.body.strip() and (tags is None or block.tag == "" or block.tag in tags):
            return block
    return None


def _looks_like_code(text: str, language: Language) -> bool:
    if language == Language.CPP:
        return re.search(r"\bint\s+main\s*\(", text) is not None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    # A lone word such as "Sorry" parses too; a program calls something (print, input, …).
    return any(isinstance(node, ast.Call) for node in ast.walk(tree))


def extract_code(reply: str, language: Language) -> str:
    """The first non-empty block tagged with the language; else the first bare block; else the whole reply if it
    is code. A block in another language is never taken: running it as this language would be meaningless."""
    blocks = [b for b in fenced_blocks(reply) if b.body.strip()]
    tagged = [b for b in blocks if b.tag in ACCEPTED_TAGS[language]] + [b for b in blocks if b.tag == ""]
    if tagged:
        return tagged[0].body + "\n"
    whole = not fenced_blocks(reply) and _looks_like_code(reply.strip(), language)
    return reply.strip() + "\n" if whole else ""


def inputs_from_replies(problem: PublicProblem, replies: Sequence[str], n: int) -> list[str]:
    """Up to `n` distinct inputs, one per reply: its first complete fenced block (a cut input would be malformed).
    A block tagged as a program is the model solving instead of writing an input; inputs equal to an example are
    dropped, since every candidate agrees on those."""
    examples = {text.strip() for text in problem.public_tests.input}
    found: dict[str, None] = {}
    for reply in replies:
        block = closed_block(reply, None)
        if block is not None and block.body.strip() not in examples and block.tag not in CODE_TAGS:
            found.setdefault(block.body.strip() + "\n")
    return list(found)[:n]


_PROMPT_WORDS = re.compile(r"^\s*(please\s+)?(enter|input|type|give)\b", re.IGNORECASE)


def prompts_for_input(code: str, language: Language) -> bool:
    """Whether a program prints an input prompt ("Enter n: "), which breaks exact output comparison. Measured
    only: rewriting the model's program would misreport what the model wrote."""
    if language == Language.PYTHON3:
        try:
            tree = ast.parse(code)
        except (SyntaxError, ValueError):
            return re.search(r"\binput\(\s*[fr]?['\"][^'\"]", code) is not None
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
                first = node.args[0]
                literal = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
                if node.func.id == "input" and (isinstance(first, ast.JoinedStr) or literal):
                    return True
                if node.func.id == "print" and literal and _PROMPT_WORDS.match(literal):
                    return True
        return False
    # Only literals written to standard output: a message on std::cerr does not disturb the judge.
    written = re.findall(r'(?:\bcout\s*<<|\bprintf\s*\(|\bputs\s*\()\s*"((?:[^"\\\n]|\\.)*)"', code)
    return any(_PROMPT_WORDS.match(literal) for literal in written)


# ------------------------------------------------------------------------------------------- generation


@dataclass(frozen=True)
class Draw:
    """One generated reply: its tokens (up to and including the stop), raw log-probs, and how it ended."""

    token_ids: tuple[int, ...]
    logprobs: tuple[float, ...]
    reply: str  # reply prefix + decoded tokens, special tokens removed
    finished: bool  # ended by EOS or a complete code block, not by max_new_tokens


class RawLogprobs(LogitsProcessor):
    """Records the raw log-prob of every sampled token. It runs first in `generate()`'s list (the generation config
    is reset at load, so no penalty or suppression precedes it) and before the temperature/top-k/top-p warpers, so
    it sees the raw logits. At step t it reads the token sampled at step t-1 from `input_ids` and looks up its
    log-prob in the kept (B, V) log-softmax; `finish` adds the last token's."""

    def __init__(self):
        self.steps: list[torch.Tensor] = []  # per generated token: (B,) log-prob
        self.last: torch.Tensor | None = None  # (B, V) log-softmax of the latest raw logits

    def __call__(self, input_ids, scores):
        if self.last is not None:
            self.steps.append(self.last.gather(1, input_ids[:, -1:]).squeeze(1))
        self.last = torch.log_softmax(scores.float(), dim=-1)
        return scores

    def finish(self, sequences: torch.Tensor) -> torch.Tensor:
        """(B, T): the log-prob of each generated token."""
        return torch.stack([*self.steps, self.last.gather(1, sequences[:, -1:]).squeeze(1)], dim=1)


class StopAtBlock(StoppingCriteria):
    """Ends a row at EOS or once its reply holds a complete code block with one of `tags` (see `closed_block`),
    and records how many tokens each row had then."""

    def __init__(self, tokenizer, prompt_len: int, reply_prefix: str, eos_ids: set[int], tags: frozenset[str] | None):
        self.tokenizer, self.prompt_len, self.reply_prefix, self.eos_ids, self.tags = (
            tokenizer, prompt_len, reply_prefix, eos_ids, tags
        )  # fmt: skip
        self.ended: dict[int, int] = {}  # row -> number of generated tokens when it ended

    def __call__(self, input_ids, scores, **kwargs):
        decode = self.tokenizer.decode
        last_two = input_ids[:, -2:].tolist()  # one copy per step, not one per row (each a sync on a GPU)
        for row in range(input_ids.shape[0]):
            # Decode the whole reply only when a backtick was just written: a fence can only close then.
            if row not in self.ended and (
                last_two[row][-1] in self.eos_ids
                or "`" in decode(last_two[row])
                and closed_block(self.reply_prefix + decode(input_ids[row, self.prompt_len :]), self.tags) is not None
            ):
                self.ended[row] = input_ids.shape[1] - self.prompt_len
        return torch.tensor([row in self.ended for row in range(input_ids.shape[0])], device=input_ids.device)


def _seed(base: int, part: int) -> int:
    return (base * 1_000_003 + part) % 2**63  # a fixed mix, unlike hash(), which Python salts per process


class CausalPolicy:
    """`Policy`, `InputWriter` and `ProgramWriter` for a local Hugging Face causal LM (directory or GGUF file)."""

    def __init__(self, path: Path, *, device: str = "cpu", dtype=None):
        path = Path(path)
        directory, gguf_file = _locate(path)
        kwargs: dict = {"local_files_only": True}
        if gguf_file is not None:
            if not is_gguf_available():
                raise UsageError(f"{path}: loading a GGUF model needs the gguf package: {_GGUF_HINT}")
            kwargs["gguf_file"] = gguf_file
        self.name = f"causal:{path.name}"
        self.device = torch.device(device)
        # GGUF weights are dequantised to float32 anyway, and float32 is the fast CPU type.
        dtype = getattr(torch, dtype) if isinstance(dtype, str) else (dtype or torch.float32)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(directory, **kwargs)
            self.model = AutoModelForCausalLM.from_pretrained(directory, dtype=dtype, **kwargs)
        except (OSError, ValueError, KeyError) as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise UsageError(f"{path}: cannot load the model or its tokenizer: {first}") from None
        self.model = self.model.to(self.device).eval()
        original = self.model.generation_config
        ids = [original.eos_token_id, self.tokenizer.eos_token_id]
        self.eos_ids = {i for x in ids for i in (x if isinstance(x, list) else [x]) if i is not None}
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else min(self.eos_ids, default=0)
        # Sampling is set by SamplingSettings alone: the checkpoint's own defaults (e.g. a repetition penalty or
        # top_k=20) would otherwise fill every setting left None, and make policies incomparable.
        self.model.generation_config = GenerationConfig(
            bos_token_id=original.bos_token_id, eos_token_id=sorted(self.eos_ids) or None, pad_token_id=pad
        )
        self.window = getattr(self.model.config.get_text_config(), "max_position_embeddings", None)

    # -------------------------------------------------------------------------------- the two protocols

    def sample(
        self,
        problem: PublicProblem,
        plan: Sequence[PromptSpec],
        settings: SamplingSettings,
        progress: Progress | None = None,
    ) -> list[PolicySample]:
        by_language: dict[Language, list[int]] = {}
        for index, spec in enumerate(plan):
            if spec.language not in TITLES:
                raise UsageError(f"{self.name}: cannot sample {spec.language.value} programs (only Python 3 and C++)")
            by_language.setdefault(spec.language, []).append(index)
        out: list[PolicySample | None] = [None] * len(plan)
        for language, indices in by_language.items():
            prompt = render_prompt(self.tokenizer, solution_request(problem, language), FENCE_TAG[language])
            seed = _seed(settings.seed, list(Language).index(language))  # a language's samples ignore the plan order
            draws = self._draw_many(problem.name, prompt, len(indices), settings, ACCEPTED_TAGS[language], seed,
                                    progress)  # fmt: skip
            for index, draw in zip(indices, draws):
                code = extract_code(draw.reply, language)
                total = sum(draw.logprobs)
                out[index] = PolicySample(
                    language, code, plan[index], n_tokens=len(draw.token_ids), logprob_sum=total,
                    logprob_mean=total / len(draw.token_ids) if draw.token_ids else None, value=None,
                    finished=draw.finished,
                    extra={"reply": draw.reply, "prompts_for_input": bool(code) and prompts_for_input(code, language)},
                )  # fmt: skip
        return [sample for sample in out if sample is not None]

    def write_inputs(self, problem: PublicProblem, n: int, seed: int) -> list[str]:
        """Up to `n` distinct inputs, one per reply (see `inputs_from_replies`)."""
        if n <= 0:
            return []
        prompt = render_prompt(self.tokenizer, input_request(problem), "")
        settings = SamplingSettings(temperature=INPUT_TEMPERATURE, top_p=0.95, max_new_tokens=INPUT_MAX_NEW_TOKENS,
                                    batch_size=INPUT_BATCH, seed=seed)  # fmt: skip
        draws = self._draw_many(problem.name, prompt, n, settings, None, _seed(seed, 99))
        return inputs_from_replies(problem, [draw.reply for draw in draws], n)

    def write_programs(self, request: str, n: int, seed: int) -> list[str]:
        """`n` Python 3 programs for a free-form request (test-input generators, validators), one per reply."""
        prompt = render_prompt(self.tokenizer, request, FENCE_TAG[Language.PYTHON3])
        tags, settings = ACCEPTED_TAGS[Language.PYTHON3], helper_settings(seed)
        draws = self._draw_many("a helper program", prompt, n, settings, tags, _seed(seed, 98)) if n > 0 else []
        return [extract_code(draw.reply, Language.PYTHON3) for draw in draws]

    # -------------------------------------------------------------------------------- sampling

    def _draw_many(self, what: str, prompt: Prompt, n: int, settings: SamplingSettings, tags: frozenset[str] | None,
                   seed: int, progress: Progress | None = None) -> list[Draw]:  # fmt: skip
        """`n` replies to one prompt in batches of `settings.batch_size`, each batch seeded from `seed`; a reply
        stops at EOS or once it holds a complete block tagged with one of `tags` (or bare; any tag if None)."""

        add_special = not prompt.chat  # a chat template writes its own special tokens
        ids = torch.tensor([self.tokenizer(prompt.text, add_special_tokens=add_special).input_ids], device=self.device)
        max_new = settings.max_new_tokens
        if self.window is not None and ids.shape[1] + max_new > self.window:
            max_new = self.window - ids.shape[1]
            if max_new < 1:
                raise UsageError(f"{what}: the prompt takes {ids.shape[1]} tokens, the model's window "
                                 f"is {self.window}")  # fmt: skip
        prefix = self._prefill(ids)
        draws: list[Draw] = []
        for number, start in enumerate(range(0, n, settings.batch_size)):
            size = min(settings.batch_size, n - start)
            draws += self._generate(
                ids, prefix, size, max_new, settings, prompt.reply_prefix, tags, _seed(seed, number)
            )
            if progress is not None:
                progress(size)
        return draws

    def _prefill(self, ids):
        """The KV cache of all prompt tokens but the last, computed once and copied into every batch (the last
        token is left for `generate()` to feed, which then yields the first reply token). None when the model's
        cache is not a plain per-layer key/value store (sliding or linear layers), which is then not reused."""
        if ids.shape[1] < 2:
            return None
        cache = DynamicCache(config=self.model.config)
        with torch.no_grad():
            self.model(input_ids=ids[:, :-1], cache=cache, use_cache=True)
        return cache if all(type(layer) is DynamicLayer for layer in cache.layers) else None

    def _generate(self, ids, prefix, size: int, max_new: int, settings: SamplingSettings, reply_prefix: str,
                  tags: frozenset[str] | None, seed: int) -> list[Draw]:  # fmt: skip
        prompt_len = ids.shape[1]
        batch = ids.expand(size, -1)  # (B, P): identical prompts, so no padding and no attention mask subtleties
        sampling = settings.temperature > 0
        config = GenerationConfig(
            do_sample=sampling, temperature=settings.temperature if sampling else 1.0,
            top_k=(settings.top_k or 0) if sampling else None, top_p=settings.top_p if sampling else None,
            max_new_tokens=max_new,
            eos_token_id=self.model.generation_config.eos_token_id,
            pad_token_id=self.model.generation_config.pad_token_id,
        )  # fmt: skip
        logprobs, stop = RawLogprobs(), StopAtBlock(self.tokenizer, prompt_len, reply_prefix, self.eos_ids, tags)
        cache = None
        if prefix is not None:
            cache = copy.deepcopy(prefix)
            cache.batch_repeat_interleave(size)
        fork = [self.device] if self.device.type == "cuda" else []
        with torch.no_grad(), torch.random.fork_rng(devices=fork):  # seeded without disturbing the caller's RNG
            torch.manual_seed(seed)
            sequences = self.model.generate(
                input_ids=batch, attention_mask=torch.ones_like(batch), cache=cache,
                generation_config=config, logits_processor=LogitsProcessorList([logprobs]),
                stopping_criteria=StoppingCriteriaList([stop]),
            )  # fmt: skip
        generated, scores = sequences[:, prompt_len:], logprobs.finish(sequences)  # (B, T) each
        draws = []
        for row in range(size):
            n = stop.ended.get(row, generated.shape[1])
            tokens = generated[row, :n].tolist()
            text = self.tokenizer.decode(tokens, skip_special_tokens=True)
            draws.append(Draw(tuple(tokens), tuple(scores[row, :n].tolist()), reply_prefix + text, row in stop.ended))
        return draws
