"""Training examples for the three runs, and how they are batched.

- Pre-training (§3.1, App. B.1): source files from any directories. Files over 1 MB, with a line over 1000
  characters, binary or not UTF-8 are skipped, as are duplicates up to whitespace; every skip is counted by
  reason. Each file is tokenized and cut into chunks that fit encoder + decoder, and every time a chunk is read
  it is split at a fresh uniformly random pivot (before → encoder, after → decoder).
- Fine-tuning (§4.3): every correct and incorrect solution of every problem. The encoder reads the prompt with
  the problem's TRUE rating, tags and the solution's language, and CORRECT/INCORRECT SOLUTION from the label;
  the decoder reads the program. Problems without solutions and programs over the decoder window are counted
  and skipped, as are problem files that fail to load. The value head must not learn its label from that header
  line (sampling always says CORRECT, so it would answer "correct" to everything): with `value_view`, it is
  trained only on examples under the CORRECT header, where every incorrect solution appears a second time with
  no token loss. Without `incorrect_solutions` (value conditioning off), only correct solutions are read and the
  header is constant.
- Test-input model (§4.6): the encoder reads the statement, the decoder one test input (public, private and
  generated inputs, each distinct input once).

Randomness (pivots, epoch order) is a pure function of (seed, epoch, index), so a resumed run reads exactly
the examples an uninterrupted one would have.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch import Tensor
from torch.utils.data import Dataset
from transformers import PreTrainedTokenizerFast

from solver.model.prompt import LANGUAGE_NAMES, build_prompt, encode_program, encode_prompt, spec_from_problem
from solver.model.tokenizer import BOS_ID, EOS_ID, PAD_ID, corpus_files, encode_text
from solver.problem import Language, Problem, ProblemFormatError, PublicProblem, load_problems
from solver.training.config import TrainingConfigError
from solver.training.losses import IGNORE, pivot_split

MAX_FILE_BYTES = 1_000_000  # AlphaCode §3.1
MAX_LINE_CHARS = 1000
# The 12 pre-training languages of AlphaCode §3.1 by suffix; "" takes suffix-less files such as the C++ headers.
CODE_SUFFIXES = {
    ".py": "python", ".cpp": "cpp", ".cc": "cpp", ".cxx": "cpp", ".hpp": "cpp", ".hh": "cpp", ".h": "cpp",
    ".tcc": "cpp", ".c": "c", ".java": "java", ".cs": "csharp", ".go": "go", ".js": "javascript",
    ".ts": "typescript", ".lua": "lua", ".php": "php", ".rb": "ruby", ".rs": "rust", ".scala": "scala",
    "": "no-suffix",
}  # fmt: skip
MAX_REPORTED_ERRORS = 5


@dataclass(frozen=True)
class Example:
    """One training pair. decoder_ids is `<s> … [</s>]`: the decoder input is [:-1] and the target [1:].
    correct is the value-head label (None: no value loss, as in pre-training)."""

    encoder_ids: tuple[int, ...]
    decoder_ids: tuple[int, ...]
    correct: bool | None = None
    token_loss: bool = True  # False: the program is seen only by the value head


@dataclass(frozen=True)
class DataReport:
    """What a data stage kept and skipped (by reason), plus informative counts (languages, cut prompts)."""

    what: str
    kept: int
    skipped: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    errors: tuple[str, ...] = ()  # the first few messages of files that failed to load

    def summary(self) -> str:
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())) or "none"
        counts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        return f"{self.what}: kept {self.kept}; skipped: {skipped}" + (f"; {counts}" if counts else "")


# ------------------------------------------------------------------------------------------- pre-training corpus


@dataclass(frozen=True)
class SourceFile:
    path: Path
    language: str
    text: str


def _whitespace_free_digest(text: str) -> bytes:
    return hashlib.blake2b(re.sub(r"\s+", "", text).encode("utf-8"), digest_size=16).digest()


def read_corpus(sources: Sequence[Path], max_bytes: int | None = None) -> tuple[list[SourceFile], DataReport]:
    """The distinct code files under `sources`, in a stable shuffled order (so a byte budget samples every
    source), with every skipped file counted by reason."""
    for source in sources:
        if not Path(source).exists():
            raise TrainingConfigError(f"{source}: corpus source does not exist")
    skipped: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    seen: set[bytes] = set()
    kept: list[SourceFile] = []
    total = 0
    for path in corpus_files([Path(s) for s in sources], CODE_SUFFIXES):
        if max_bytes is not None and total >= max_bytes:
            skipped["over_byte_budget"] += 1
            continue
        reason, text = _read_code(path)
        if text is None:
            skipped[reason] += 1
            continue
        digest = _whitespace_free_digest(text)
        if digest in seen:
            skipped["duplicate"] += 1
            continue
        seen.add(digest)
        language = CODE_SUFFIXES[path.suffix.lower()]
        languages[language] += 1
        total += len(text.encode("utf-8"))
        kept.append(SourceFile(path, language, text))
    counts = {f"language:{k}": v for k, v in languages.items()} | {"bytes": total}
    return kept, DataReport("corpus files", len(kept), dict(skipped), counts)


def _read_code(path: Path) -> tuple[str, str | None]:
    """(skip reason, None) or ("", text)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return "over_1mb", None
        data = path.read_bytes()
    except OSError:
        return "unreadable", None
    if b"\0" in data:
        return "binary", None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "not_utf8", None
    if not text.strip():
        return "empty", None
    if max(map(len, text.splitlines())) > MAX_LINE_CHARS:
        return "line_over_1000_chars", None
    return "", text


@dataclass(frozen=True)
class Chunk:
    """A piece of a file's tokens that fits encoder + decoder; `ends_file` adds </s> after the decoder part."""

    ids: tuple[int, ...]
    ends_file: bool


def chunk_corpus(
    files: Sequence[SourceFile], tokenizer: PreTrainedTokenizerFast, max_encoder: int, max_decoder: int
) -> tuple[list[Chunk], DataReport]:
    """Tokenize files and cut each into consecutive chunks of at most max_encoder + max_decoder tokens (a file
    longer than both windows would otherwise lose everything past them). Chunks under 2 tokens are skipped."""
    size = max_encoder + max_decoder
    chunks: list[Chunk] = []
    skipped: Counter[str] = Counter()
    n_tokens = 0
    encodings = tokenizer([f.text for f in files], add_special_tokens=False)["input_ids"] if files else []
    for ids in encodings:
        n_tokens += len(ids)
        if len(ids) < 2:
            skipped["under_2_tokens"] += 1
            continue
        starts = range(0, len(ids), size)
        for start in starts:
            piece = ids[start : start + size]
            if len(piece) >= 2:
                chunks.append(Chunk(tuple(piece), ends_file=start + size >= len(ids)))
    return chunks, DataReport("corpus chunks", len(chunks), dict(skipped), {"tokens": n_tokens})


def pretrain_example(chunk: Chunk, rng: random.Random, max_encoder: int, max_decoder: int) -> Example:
    before, after = pivot_split(chunk.ids, rng, max_encoder, max_decoder)
    decoder = [BOS_ID, *after] + ([EOS_ID] if chunk.ends_file else [])
    return Example(tuple(before), tuple(decoder[: max_decoder + 1]))


# ------------------------------------------------------------------------------------------- problems


def _problem_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file())
    if path.is_file():
        return [path]
    raise TrainingConfigError(f"{path}: problems path does not exist")


def load_problems_tolerant(path: Path) -> tuple[list[Problem], Counter[str], list[str]]:
    """Every problem that loads; a file that fails validation is counted and its message kept, not fatal."""
    problems: list[Problem] = []
    skipped: Counter[str] = Counter()
    errors: list[str] = []
    for file in _problem_files(Path(path)):
        try:
            problems.extend(load_problems(file))
        except ProblemFormatError as error:
            skipped["invalid_problem_file"] += 1
            errors.append(str(error))
    return problems, skipped, errors


def finetune_examples(
    path: Path, tokenizer: PreTrainedTokenizerFast, max_encoder: int, max_decoder: int, *,
    incorrect_solutions: bool = True, value_view: bool = True,
) -> tuple[list[Example], DataReport]:
    """One example per correct or incorrect solution, plus with `value_view` one per incorrect solution for the
    value head alone (see the module docstring)."""
    problems, skipped, errors = load_problems_tolerant(path)
    counts: Counter[str] = Counter()
    examples: list[Example] = []
    for problem in problems:
        if len(problem.solutions) == 0 and len(problem.incorrect_solutions) == 0:
            skipped["problem_without_solutions"] += 1
            continue
        counts["problems_used"] += 1
        public = problem.public_view()
        prompts: dict[tuple[Language, bool], tuple[int, ...]] = {}
        kinds = ((True, problem.solutions), (False, problem.incorrect_solutions))
        for correct, solutions in kinds if incorrect_solutions else kinds[:1]:
            for language, source in zip(solutions.language, solutions.solution):
                if language not in LANGUAGE_NAMES:
                    skipped["language_without_prompt_name"] += 1
                    continue
                if not source.strip():
                    skipped["empty_program"] += 1
                    continue
                program = encode_program(tokenizer, source, max_decoder)
                if program.truncated:
                    skipped["program_over_decoder_window"] += 1
                    continue
                for header in {correct, True} if value_view else {correct}:
                    if (language, header) not in prompts:
                        spec = spec_from_problem(public, language, header)
                        encoded = encode_prompt(tokenizer, build_prompt(public, spec), max_encoder)
                        counts["prompts_cut"] += encoded.truncated
                        prompts[language, header] = encoded.ids
                if not value_view:
                    examples.append(Example(prompts[language, correct], program.ids, correct))
                elif correct:
                    examples.append(Example(prompts[language, True], program.ids, True))
                else:  # conditioning under the true header; the value head under the one sampling uses
                    examples.append(Example(prompts[language, False], program.ids, None))
                    examples.append(Example(prompts[language, True], program.ids, False, token_loss=False))
                    counts["value_only"] += 1
                counts["correct" if correct else "incorrect"] += 1
    return examples, DataReport("fine-tuning examples", len(examples), dict(skipped), dict(counts),
                                tuple(errors[:MAX_REPORTED_ERRORS]))  # fmt: skip


def testgen_prompt_ids(tokenizer: PreTrainedTokenizerFast, problem: PublicProblem, max_tokens: int) -> EncodedIds:
    """The test-input model's encoder ids: the statement alone (no metadata header), its end cut to fit."""
    statement = problem.description.replace("\r\n", "\n").replace("\r", "\n")
    ids = encode_text(tokenizer, statement)
    return EncodedIds(tuple(ids[:max_tokens]), truncated=len(ids) > max_tokens)


@dataclass(frozen=True)
class EncodedIds:
    ids: tuple[int, ...]
    truncated: bool


def testgen_examples(
    path: Path, tokenizer: PreTrainedTokenizerFast, max_encoder: int, max_decoder: int
) -> tuple[list[Example], DataReport]:
    """One example per distinct test input of each problem (public, private and generated)."""
    problems, skipped, errors = load_problems_tolerant(path)
    counts: Counter[str] = Counter()
    examples: list[Example] = []
    for problem in problems:
        inputs = dict.fromkeys(problem.public_tests.input + problem.private_tests.input
                               + problem.generated_tests.input)  # fmt: skip
        if not inputs:
            skipped["problem_without_tests"] += 1
            continue
        prompt = testgen_prompt_ids(tokenizer, problem.public_view(), max_encoder)
        if not prompt.ids:
            skipped["empty_statement"] += 1
            continue
        counts["prompts_cut"] += prompt.truncated
        for test_input in inputs:
            encoded = encode_program(tokenizer, test_input, max_decoder)
            if encoded.truncated:
                skipped["input_over_decoder_window"] += 1
                continue
            examples.append(Example(prompt.ids, encoded.ids))
    return examples, DataReport("test-input examples", len(examples), dict(skipped), dict(counts),
                                tuple(errors[:MAX_REPORTED_ERRORS]))  # fmt: skip


# ------------------------------------------------------------------------------------------- datasets and batches


def _epoch_seed(seed: int, epoch: int, salt: int) -> int:
    return (seed * 1_000_003 + epoch * 7_919 + salt) % (2**63)


@dataclass(frozen=True)
class LengthBuckets:
    """Batches of examples of similar length: a random order is cut into windows of `batches` batches, each window
    is sorted by cost, cut into batches, and the batches of the whole epoch are shuffled. Right-padding to the
    longest example of a random batch of 16 family programs wastes ~40% of the compute; sorted windows of 50
    batches waste ~25%, and the shuffle keeps batches of every length spread over the epoch."""

    costs: tuple[int, ...]  # per example, e.g. encoder tokens + 3 x decoder tokens
    batch_size: int
    batches: int = 50

    def arrange(self, order: list[int], generator: torch.Generator) -> list[int]:
        window = self.batch_size * self.batches
        groups = []
        for start in range(0, len(order), window):
            part = sorted(order[start : start + window], key=lambda i: self.costs[i])
            groups += [part[i : i + self.batch_size] for i in range(0, len(part), self.batch_size)]
        # A short last batch stays last, so that no full batch straddles a DataLoader batch boundary.
        full = [g for g in groups if len(g) == self.batch_size]
        short = [g for g in groups if len(g) < self.batch_size]
        shuffled = [full[i] for i in torch.randperm(len(full), generator=generator).tolist()]
        return [i for group in shuffled + short for i in group]


class EpochDataset(Dataset):
    """Examples in a fresh seeded order each epoch. `make(index, epoch)` builds example `index`; the trainer calls
    `set_epoch` before iterating, and the (unshuffled) DataLoader reads positions 0..n-1 of this order, so that
    accelerate can shard batches across processes and skip the batches a resumed run has already seen."""

    def __init__(
        self, n: int, make: Callable[[int, int], Example], seed: int, bucketing: LengthBuckets | None = None
    ):
        if n == 0:
            raise TrainingConfigError("no training examples survived the data checks (see the data report)")
        self.n, self.make, self.seed, self.bucketing = n, make, seed, bucketing
        self.set_epoch(0)

    def set_epoch(self, epoch: int) -> None:
        self.epoch = epoch
        generator = torch.Generator().manual_seed(_epoch_seed(self.seed, epoch, 1))
        self.order = torch.randperm(self.n, generator=generator).tolist()
        if self.bucketing is not None:
            self.order = self.bucketing.arrange(self.order, generator)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, position: int) -> Example:
        return self.make(self.order[position], self.epoch)


def pretrain_dataset(chunks: Sequence[Chunk], seed: int, max_encoder: int, max_decoder: int) -> EpochDataset:
    def make(index: int, epoch: int) -> Example:
        # A new pivot every epoch, reproducible from (seed, epoch, index).
        rng = random.Random(_epoch_seed(seed, epoch, 2) * 1_000_033 + index)
        return pretrain_example(chunks[index], rng, max_encoder, max_decoder)

    return EpochDataset(len(chunks), make, seed)


def fixed_dataset(examples: Sequence[Example], seed: int, batch_size: int | None = None) -> EpochDataset:
    """A fixed list of examples; with `batch_size`, batched by length (LengthBuckets). The decoder's tokens weigh 3
    encoder tokens in the cost: its blocks outnumber the encoder's and each also attends to the statement."""
    bucketing = None
    if batch_size is not None and batch_size > 1:
        costs = tuple(len(e.encoder_ids) + 3 * len(e.decoder_ids) for e in examples)
        bucketing = LengthBuckets(costs, batch_size)
    return EpochDataset(len(examples), lambda index, _epoch: examples[index], seed, bucketing)


def collate(examples: Sequence[Example]) -> dict[str, Tensor]:
    """Right-padded tensors: input_ids/attention_mask (B, S); decoder_input_ids/decoder_attention_mask/labels
    (B, T) with IGNORE labels at padding; correct (B,) float and has_label (B,) bool for the value loss."""
    B = len(examples)
    S = max(len(e.encoder_ids) for e in examples)
    T = max(len(e.decoder_ids) - 1 for e in examples)
    input_ids = torch.full((B, S), PAD_ID, dtype=torch.long)
    attention_mask = torch.zeros((B, S), dtype=torch.long)
    decoder_input_ids = torch.full((B, T), PAD_ID, dtype=torch.long)
    decoder_attention_mask = torch.zeros((B, T), dtype=torch.bool)
    labels = torch.full((B, T), IGNORE, dtype=torch.long)
    for row, example in enumerate(examples):
        enc, dec = example.encoder_ids, example.decoder_ids
        input_ids[row, : len(enc)] = torch.tensor(enc)
        attention_mask[row, : len(enc)] = 1
        decoder_input_ids[row, : len(dec) - 1] = torch.tensor(dec[:-1])
        decoder_attention_mask[row, : len(dec) - 1] = True
        if example.token_loss:
            labels[row, : len(dec) - 1] = torch.tensor(dec[1:])
    correct = torch.tensor([float(bool(e.correct)) for e in examples])
    has_label = torch.tensor([e.correct is not None for e in examples])
    return {
        "input_ids": input_ids,
        "attention_mask": attention_mask,
        "decoder_input_ids": decoder_input_ids,
        "decoder_attention_mask": decoder_attention_mask,
        "labels": labels,
        "correct": correct,
        "has_label": has_label,
    }
