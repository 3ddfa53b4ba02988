"""The tokenizer shared by the encoder and the decoder: byte-level BPE trained by the project on local files.

AlphaCode used an 8,000-token SentencePiece vocabulary trained on GitHub and CodeContests. We keep the
size and train a byte-level BPE with the `tokenizers` library instead, because a byte-level model
round-trips any text exactly (indentation, tabs, `\\r`, unicode); SentencePiece normalises whitespace,
and a code model must not. Text is never normalised.

Special tokens have fixed ids that the model code relies on: `<pad>`=0, `<s>`=1 (bos, decoder start),
`</s>`=2 (eos), `<unk>`=3, `<mask>`=4 (masked language modelling). They can never come out of encoding
text: the wrapper splits literal `<s>` in a program into ordinary tokens, and the pre-tokenizer keeps
punctuation and letters in different pieces, so no learned merge can spell a special token either.

The trained tokenizer is a `transformers.PreTrainedTokenizerFast`, saved with `save_pretrained` next to
a model and loaded from a local directory only (`load_tokenizer`, or `AutoTokenizer.from_pretrained`).
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast

from solver.errors import UsageError

PAD_TOKEN, BOS_TOKEN, EOS_TOKEN, UNK_TOKEN, MASK_TOKEN = "<pad>", "<s>", "</s>", "<unk>", "<mask>"
SPECIAL_TOKENS = (PAD_TOKEN, BOS_TOKEN, EOS_TOKEN, UNK_TOKEN, MASK_TOKEN)  # in id order
PAD_ID, BOS_ID, EOS_ID, UNK_ID, MASK_ID = range(len(SPECIAL_TOKENS))

DEFAULT_VOCAB_SIZE = 8000  # AlphaCode §4.1
MIN_VOCAB_SIZE = 256 + len(SPECIAL_TOKENS)  # every byte plus the special tokens
MAX_FILE_BYTES = 1_000_000  # AlphaCode dropped GitHub files over 1 MB (§3.1)
# "" stands for files without a suffix: the C++ standard headers (`vector`, `algorithm`) have none.
DEFAULT_EXTENSIONS = (
    ".py", ".cpp", ".cc", ".cxx", ".c", ".h", ".hpp", ".hh", ".tcc", ".java",
    ".txt", ".md", ".rst", ".json", "",
)  # fmt: skip
# One file in this many is held out of training to measure characters per token on unseen text.
HELD_OUT_EVERY = 20
SUMMARY_FILE = "tokenizer_training.json"

_SKIPPED_DIRS = {"__pycache__", "node_modules"}


class TokenizerError(UsageError, ValueError):
    """A tokenizer that cannot be trained or loaded; the message is one line naming the path."""


@dataclass(frozen=True)
class CorpusStats:
    """What training read. Held-out files are counted apart and never reach the trainer; every listed file
    is counted once: files_read + files_skipped + files_left + held_out_files == len(corpus_files(...))."""

    files_read: int
    bytes_read: int
    files_skipped: int  # binary, not UTF-8, over MAX_FILE_BYTES, or unreadable (held out or not)
    files_left: int  # not read because max_bytes was reached
    held_out_files: int
    held_out_chars: int
    held_out_tokens: int

    @property
    def chars_per_token(self) -> float | None:
        return self.held_out_chars / self.held_out_tokens if self.held_out_tokens else None


@dataclass(frozen=True)
class TrainedTokenizer:
    tokenizer: PreTrainedTokenizerFast
    stats: CorpusStats
    seconds: float  # wall time of reading and training, not of the held-out measurement
    out_dir: Path | None


# ------------------------------------------------------------------------------------------- corpus


def _stable_key(name: str, salt: str) -> int:
    # crc32, not hash(): the order and the held-out split must not change between runs.
    return zlib.crc32(f"{salt}:{name}".encode("utf-8", "surrogateescape"))


def corpus_files(sources: Sequence[Path], extensions: Iterable[str] = DEFAULT_EXTENSIONS) -> list[Path]:
    """Every file under `sources` whose suffix is in `extensions` (a file named directly is always taken).

    Hidden directories and caches are skipped. The order is a stable pseudo-random shuffle keyed on each
    file's path inside its source, so that a byte budget samples all sources evenly instead of reading the
    first directory only, and the held-out split does not depend on where the corpus lives.
    """
    wanted = {ext.lower() for ext in extensions}
    found: dict[Path, str] = {}
    for source in sources:
        source = Path(source)
        if source.is_file():
            found.setdefault(source.resolve(), source.name)
        elif source.is_dir():
            for root, dirs, files in os.walk(source):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
                for name in sorted(files):
                    path = Path(root, name)
                    if path.suffix.lower() in wanted and not name.startswith(".") and path.is_file():
                        found.setdefault(path.resolve(), path.relative_to(source).as_posix())
        else:
            raise TokenizerError(f"{source}: no such file or directory")
    return sorted(found, key=lambda p: (_stable_key(found[p], "order"), found[p], str(p)))


def read_text_file(path: Path, max_file_bytes: int = MAX_FILE_BYTES) -> str | None:
    """The file's text, or None if it is too large, binary (has a NUL byte), not UTF-8, or unreadable."""
    try:
        if path.stat().st_size > max_file_bytes:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


@dataclass
class _Tally:
    """Mutable tallies filled while the trainer pulls text; frozen into CorpusStats afterwards."""

    files_read: int = 0
    bytes_read: int = 0
    files_skipped: int = 0
    files_left: int = 0
    held_out: list[Path] = field(default_factory=list)


def _training_texts(files: list[Path], max_bytes: int | None, max_file_bytes: int, tally: _Tally) -> Iterator[str]:
    for index, path in enumerate(files):
        # With two or more files, every HELD_OUT_EVERY-th one (starting with the first) is held out.
        if len(files) >= 2 and index % HELD_OUT_EVERY == 0:
            tally.held_out.append(path)
            continue
        if max_bytes is not None and tally.bytes_read >= max_bytes:
            tally.files_left += 1
            continue
        text = read_text_file(path, max_file_bytes)
        if text is None:
            tally.files_skipped += 1
            continue
        tally.files_read += 1
        tally.bytes_read += len(text.encode("utf-8"))
        yield text


# ------------------------------------------------------------------------------------------- training


def _untrained_backend() -> Tokenizer:
    backend = Tokenizer(models.BPE())
    # GPT-2's split regex: letters, digits, punctuation and whitespace runs become separate pieces, and a
    # newline plus the next line's indentation stays one piece, so indentation compresses well.
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    backend.decoder = decoders.ByteLevel()
    return backend


def wrap_backend(backend: Tokenizer) -> PreTrainedTokenizerFast:
    """The transformers interface over a trained backend, with the fixed special tokens."""
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        pad_token=PAD_TOKEN,
        bos_token=BOS_TOKEN,
        eos_token=EOS_TOKEN,
        unk_token=UNK_TOKEN,
        mask_token=MASK_TOKEN,
        # A program that prints "</s>" must not end the sequence: literal special tokens in text are
        # encoded as ordinary bytes.
        split_special_tokens=True,
        # Any "clean-up" of spaces around punctuation would change code.
        clean_up_tokenization_spaces=False,
    )
    check_special_ids(tokenizer, "the trained tokenizer")
    return tokenizer


def check_special_ids(tokenizer: PreTrainedTokenizerFast, where: str) -> None:
    """Fail unless the special tokens have the ids the model relies on."""
    for expected, token in enumerate(SPECIAL_TOKENS):
        actual = tokenizer.convert_tokens_to_ids(token)
        if actual != expected:
            raise TokenizerError(f"{where}: special token {token} has id {actual}, expected {expected}")
    if (tokenizer.pad_token_id, tokenizer.bos_token_id, tokenizer.eos_token_id) != (PAD_ID, BOS_ID, EOS_ID):
        raise TokenizerError(f"{where}: pad/bos/eos are not {PAD_TOKEN}/{BOS_TOKEN}/{EOS_TOKEN}")


def train_tokenizer(
    sources: Sequence[Path],
    vocab_size: int = DEFAULT_VOCAB_SIZE,
    out_dir: Path | None = None,
    extensions: Iterable[str] = DEFAULT_EXTENSIONS,
    max_bytes: int | None = None,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> TrainedTokenizer:
    """Train a byte-level BPE tokenizer on the text files under `sources`, streaming them to the trainer.

    `max_bytes` caps the training text (None: read everything). The vocabulary may come out smaller
    than `vocab_size` when the corpus has too few distinct pairs to merge. If `out_dir` is given, the
    tokenizer is saved there with `save_pretrained`, next to a JSON summary of what it was trained on.
    """
    if vocab_size < MIN_VOCAB_SIZE:
        raise TokenizerError(f"vocab_size: {vocab_size} is too small, need at least {MIN_VOCAB_SIZE}")
    if max_bytes is not None and max_bytes <= 0:
        raise TokenizerError(f"max_bytes: must be positive, got {max_bytes}")
    files = corpus_files(sources, extensions)
    if not files:
        raise TokenizerError(f"{', '.join(map(str, sources))}: no files with extensions {sorted(extensions)}")
    start = time.perf_counter()
    tally = _Tally()
    backend = _untrained_backend()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=list(SPECIAL_TOKENS),  # listed first, so they take ids 0..4
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),  # all 256 bytes, so nothing is ever unknown
        show_progress=False,
    )
    backend.train_from_iterator(_training_texts(files, max_bytes, max_file_bytes, tally), trainer=trainer)
    if tally.files_read == 0:
        raise TokenizerError(f"{', '.join(map(str, sources))}: no readable UTF-8 text to train on")
    seconds = time.perf_counter() - start
    tokenizer = wrap_backend(backend)

    held_chars = held_tokens = held_files = 0
    for path in tally.held_out:
        text = read_text_file(path, max_file_bytes)
        if text is None:
            tally.files_skipped += 1
            continue
        held_files += 1
        held_chars += len(text)
        held_tokens += len(encode_text(tokenizer, text))
    stats = CorpusStats(
        files_read=tally.files_read,
        bytes_read=tally.bytes_read,
        files_skipped=tally.files_skipped,
        files_left=tally.files_left,
        held_out_files=held_files,
        held_out_chars=held_chars,
        held_out_tokens=held_tokens,
    )
    if out_dir is not None:
        out_dir = Path(out_dir)
        tokenizer.save_pretrained(str(out_dir))
        summary = {
            "sources": [str(Path(s).resolve()) for s in sources],
            "vocab_size_requested": vocab_size,
            "vocab_size": len(tokenizer),
            "max_bytes": max_bytes,
            "seconds": round(seconds, 2),
            **asdict(stats),
            "chars_per_token": stats.chars_per_token,
        }
        (out_dir / SUMMARY_FILE).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return TrainedTokenizer(tokenizer=tokenizer, stats=stats, seconds=seconds, out_dir=out_dir)


def train_tokenizer_command(sources: list[Path], out: Path, vocab_size: int = DEFAULT_VOCAB_SIZE) -> None:
    """`solve train-tokenizer SRC... --out DIR --vocab-size N`: train, save to DIR, print a summary."""
    from solver.locations import check_input_path, check_output_dir

    for source in sources:
        check_input_path(source, "source")
    check_output_dir(out, "--out")  # before training, which may take minutes
    trained = train_tokenizer(sources, vocab_size=vocab_size, out_dir=out)
    stats = trained.stats
    ratio = f"{stats.chars_per_token:.2f}" if stats.chars_per_token is not None else "n/a (no held-out file)"
    print(f"read {stats.files_read} files, {stats.bytes_read:,} bytes "
          f"(skipped {stats.files_skipped} binary/non-UTF-8/over 1 MB) in {trained.seconds:.1f} s")  # fmt: skip
    print(f"vocabulary: {len(trained.tokenizer)} tokens (asked for {vocab_size})")
    print(f"held out {stats.held_out_files} files, {stats.held_out_chars:,} chars: {ratio} chars/token")
    print(f"saved to {out}")


# ------------------------------------------------------------------------------------------- use


def load_tokenizer(directory: Path | str) -> PreTrainedTokenizerFast:
    """Load a tokenizer saved by `train_tokenizer` (or next to a model) from a local directory only."""
    directory = Path(directory)
    if not (directory / "tokenizer.json").is_file():
        raise TokenizerError(f"{directory}: no tokenizer.json here (train one with `solve train-tokenizer`)")
    try:
        tokenizer = PreTrainedTokenizerFast.from_pretrained(str(directory), local_files_only=True)
    except (OSError, ValueError) as error:
        raise TokenizerError(f"{directory}: cannot load the tokenizer: {error}") from None
    check_special_ids(tokenizer, str(directory))
    return tokenizer


def encode_text(tokenizer: PreTrainedTokenizerFast, text: str) -> list[int]:
    """Token ids of `text`, with no special tokens added (and none produced from the text itself)."""
    return tokenizer.encode(text, add_special_tokens=False)


def decode_text(tokenizer: PreTrainedTokenizerFast, ids: Iterable[int]) -> str:
    """The text of `ids`, special tokens dropped: `decode_text(t, encode_text(t, s)) == s` for any `s`."""
    return tokenizer.decode(list(ids), skip_special_tokens=True, clean_up_tokenization_spaces=False)
