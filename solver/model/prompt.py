"""AlphaCode's prompt format, and fitting prompts and programs into the model's windows.

The encoder reads a metadata header followed by the problem statement (Figure 5 of the paper):

    RATING: 1200
    TAGS: dp,implementation
    LANGUAGE IS python3
    CORRECT SOLUTION
    <statement>

The header is built only from a `PublicProblem`, so no hidden test or solution can reach a prompt.
During fine-tuning the header carries the problem's true metadata and whether the solution is correct;
at sampling time it always says CORRECT SOLUTION, and the rating and tags are drawn at random
(App. C.2) for diversity, which helped more than true tags did (Table 13).

Windows: the encoder holds 1536 tokens and the decoder 768 (§4.1). A prompt that does not fit keeps its
header and loses the end of its statement; a program that does not fit loses its end. Every encoding
says whether it was cut, and `TruncationReport` counts the cuts over a data set.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from transformers import PreTrainedTokenizerFast

from solver.model.tokenizer import BOS_ID, EOS_ID, PAD_ID, decode_text, encode_text
from solver.problem import Language, PublicProblem

ENCODER_TOKENS = 1536
DECODER_TOKENS = 768
RATINGS = tuple(range(800, 3501, 100))  # sampled uniformly (App. C.2)
SAMPLING_LANGUAGES = (Language.PYTHON3, Language.CPP)  # half Python, half C++ (§4.4)

# How each language is named in the header. Python 2 and Java appear only as fine-tuning data.
LANGUAGE_NAMES = {
    Language.PYTHON3: "python3",
    Language.CPP: "cpp",
    Language.PYTHON: "python",
    Language.JAVA: "java",
}

_HEADER = re.compile(r"(?:RATING: \d+\n)?(?:TAGS: [^\n]+\n)?LANGUAGE IS [^\s]+\n(?:IN)?CORRECT SOLUTION\n")


@dataclass(frozen=True)
class PromptSpec:
    """The header's metadata. A None rating or empty tags leave out their line."""

    rating: int | None
    tags: tuple[str, ...]
    language: Language
    correct: bool = True

    def __post_init__(self) -> None:
        if self.rating is not None and (isinstance(self.rating, bool) or not isinstance(self.rating, int)
                                        or self.rating <= 0):  # fmt: skip
            raise ValueError(f"PromptSpec.rating: must be a positive int or None, got {self.rating!r}")
        if not isinstance(self.tags, tuple):
            raise TypeError(f"PromptSpec.tags: must be a tuple of strings, got {type(self.tags).__name__}")
        for tag in self.tags:
            # A comma or newline inside a tag would change how the header reads.
            if not isinstance(tag, str) or not tag.strip() or "," in tag or "\n" in tag:
                raise ValueError(f"PromptSpec.tags: {tag!r} is not a tag name (non-empty, no comma or newline)")
        if self.language not in LANGUAGE_NAMES:
            raise ValueError(f"PromptSpec.language: {self.language!r} has no prompt name "
                             f"(known: {', '.join(lang.value for lang in LANGUAGE_NAMES)})")  # fmt: skip
        if not isinstance(self.correct, bool):
            raise TypeError(f"PromptSpec.correct: must be a bool, got {type(self.correct).__name__}")


def _require_public(problem: object) -> PublicProblem:
    if not isinstance(problem, PublicProblem):
        raise TypeError(
            f"prompts are built from a PublicProblem only, got {type(problem).__name__}"
            " (call .public_view() on a Problem)"
        )
    return problem


def spec_from_problem(problem: PublicProblem, language: Language, correct: bool = True) -> PromptSpec:
    """The problem's true metadata, as used for fine-tuning. Tags are sorted, as in the common tag sets."""
    problem = _require_public(problem)
    rating = problem.cf_rating if problem.cf_rating else None  # CodeContests writes 0 for "unrated"
    return PromptSpec(rating=rating, tags=tuple(sorted(problem.cf_tags)), language=language, correct=correct)


def prompt_header(spec: PromptSpec) -> str:
    """The metadata lines, each ending with a newline."""
    lines = []
    if spec.rating is not None:
        lines.append(f"RATING: {spec.rating}")
    if spec.tags:
        lines.append(f"TAGS: {','.join(spec.tags)}")
    lines.append(f"LANGUAGE IS {LANGUAGE_NAMES[spec.language]}")
    lines.append("CORRECT SOLUTION" if spec.correct else "INCORRECT SOLUTION")
    return "".join(line + "\n" for line in lines)


def build_prompt(problem: PublicProblem, spec: PromptSpec) -> str:
    """Header plus the statement. CodeContests descriptions already hold the examples; only line endings
    are normalised."""
    problem = _require_public(problem)
    if not isinstance(spec, PromptSpec):
        raise TypeError(f"spec must be a PromptSpec, got {type(spec).__name__}")
    statement = problem.description.replace("\r\n", "\n").replace("\r", "\n")
    return prompt_header(spec) + statement


def split_prompt(text: str) -> tuple[str, str]:
    """(header, statement) of a prompt made by `build_prompt`."""
    match = _HEADER.match(text)
    if match is None:
        raise ValueError("text does not start with a prompt header (RATING/TAGS/LANGUAGE IS/CORRECT SOLUTION)")
    return text[: match.end()], text[match.end() :]


# ------------------------------------------------------------------------------------------- sampling


def load_common_tags(path: Path | None = None) -> tuple[tuple[str, ...], ...]:
    """The 50 most common Codeforces tag combinations (solver/data/common_tags.json unless `path`)."""
    if path is None:
        return _packaged_common_tags()
    return _parse_tag_sets(Path(path).read_text(encoding="utf-8"), str(path))


@lru_cache(maxsize=1)
def _packaged_common_tags() -> tuple[tuple[str, ...], ...]:
    source = resources.files("solver") / "data" / "common_tags.json"
    return _parse_tag_sets(source.read_text(encoding="utf-8"), "solver/data/common_tags.json")


def _parse_tag_sets(text: str, where: str) -> tuple[tuple[str, ...], ...]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{where}: invalid JSON: {error.msg} (line {error.lineno})") from None
    if not isinstance(data, list) or not data:
        raise ValueError(f"{where}: expected a non-empty JSON list of tag lists")
    for number, item in enumerate(data):
        if not isinstance(item, list) or not item or not all(isinstance(tag, str) and tag for tag in item):
            raise ValueError(f"{where}: entry {number}: expected a non-empty list of tag names")
    return tuple(tuple(item) for item in data)


def sample_spec(
    rng: random.Random,
    language: Language | None,
    tag_sets: Sequence[Sequence[str]] | None = None,
) -> PromptSpec:
    """Random metadata for one sample (App. C.2): a rating uniform over 800..3500 in steps of 100 and a
    tag set uniform over `tag_sets` (default: the packaged 50 most common). The header always says
    CORRECT SOLUTION. A None language is drawn uniformly from Python 3 and C++."""
    tag_sets = load_common_tags() if tag_sets is None else tag_sets
    if not tag_sets:
        raise ValueError("tag_sets: empty, nothing to draw tags from")
    if language is None:
        language = rng.choice(SAMPLING_LANGUAGES)
    rating = rng.choice(RATINGS)
    tags = tuple(rng.choice(tag_sets))
    return PromptSpec(rating=rating, tags=tags, language=language, correct=True)


# ------------------------------------------------------------------------------------------- encoding


@dataclass(frozen=True)
class EncodedText:
    """Token ids that fit a window. `n_original` is how many ids there were before cutting (for a statement over
    64k characters and many times longer than the window, how many its tokenised prefix had: see `_leading_ids`)."""

    ids: tuple[int, ...]
    n_original: int
    truncated: bool

    @property
    def n_cut(self) -> int:
        return self.n_original - len(self.ids)


@dataclass(frozen=True)
class EncodedProgram(EncodedText):
    """`<s> program </s>`, or `<s> program-prefix` (no `</s>`) when cut, so that the model is never taught
    to stop where a program was merely truncated.

    `decoder_input` starts with `<s>` (the decoder start token) and `target` ends with `</s>`: the target is
    what Hugging Face calls `labels`, and the input is it shifted right by one. Both fit the window.
    """

    @property
    def decoder_input(self) -> tuple[int, ...]:
        return self.ids[:-1]

    @property
    def target(self) -> tuple[int, ...]:
        return self.ids[1:]


def _check_window(max_tokens: int) -> None:
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise ValueError(f"max_tokens: must be a positive int, got {max_tokens!r}")


def encode_prompt(tokenizer: PreTrainedTokenizerFast, text: str, max_tokens: int = ENCODER_TOKENS) -> EncodedText:
    """Encoder ids of a prompt (no special tokens). If it is too long, the header is kept whole and the
    end of the statement is cut.

    Header and statement are encoded separately and joined, so the header's ids are the same whether
    or not the statement is cut; the ids still decode to exactly `text`.
    """
    _check_window(max_tokens)
    header, statement = split_prompt(text)
    header_ids = encode_text(tokenizer, header)
    if len(header_ids) > max_tokens:
        raise ValueError(f"max_tokens: the header alone takes {len(header_ids)} tokens, window is {max_tokens}")
    room = max_tokens - len(header_ids)
    statement_ids = _leading_ids(tokenizer, statement, room)
    n_original = len(header_ids) + len(statement_ids)
    kept = statement_ids[:room]
    return EncodedText(ids=(*header_ids, *kept), n_original=n_original, truncated=len(kept) < len(statement_ids))


# A statement is cut before it is tokenised: tokenising a huge one whole costs minutes and gigabytes for ids that are
# thrown away, and sampling encodes one prompt per metadata draw. Text averages 3-4 characters per token, so the cut
# (8 characters per token of room, and never under 64k characters, so that real statements are never cut) nearly
# always covers the room; when it does not, the cut doubles. Only the last word before a cut can tokenise
# differently from the uncut text, so the cut must leave a margin of tokens beyond the room.
_CHARS_PER_TOKEN = 8
_MIN_CUT_CHARS = 1 << 16
_CUT_MARGIN_TOKENS = 32


@lru_cache(maxsize=8)  # the prompts of one problem differ only in their headers: its statement is tokenised once
def _leading_ids(tokenizer: PreTrainedTokenizerFast, statement: str, room: int) -> tuple[int, ...]:
    """The statement's ids: all of them, or, for a statement far longer than `room` tokens, those of a prefix that
    holds more than `room` tokens (its first `room` ids are the whole statement's)."""
    limit = max((room + _CUT_MARGIN_TOKENS) * _CHARS_PER_TOKEN, _MIN_CUT_CHARS)
    while True:
        if len(statement) <= limit:
            return tuple(encode_text(tokenizer, statement))
        ids = encode_text(tokenizer, statement[:limit])
        if len(ids) > room + _CUT_MARGIN_TOKENS:
            return tuple(ids)
        limit *= 2


def encode_program(
    tokenizer: PreTrainedTokenizerFast, code: str, max_tokens: int = DECODER_TOKENS
) -> EncodedProgram:
    """Decoder ids of a program, `<s> … </s>`, cut so that `decoder_input` and `target` each hold at most
    `max_tokens` ids (the sequence itself is at most `max_tokens + 1` long)."""
    _check_window(max_tokens)
    body = encode_text(tokenizer, code)
    full = [BOS_ID, *body, EOS_ID]
    ids = full[: max_tokens + 1]
    return EncodedProgram(ids=tuple(ids), n_original=len(full), truncated=len(ids) < len(full))


def program_text(tokenizer: PreTrainedTokenizerFast, ids: Iterable[int]) -> str:
    """The program in decoder ids (e.g. a sample): after a leading `<s>`, up to the first `</s>`."""
    ids = list(ids)
    if ids and ids[0] == BOS_ID:
        ids = ids[1:]
    if EOS_ID in ids:
        ids = ids[: ids.index(EOS_ID)]
    return decode_text(tokenizer, (i for i in ids if i != PAD_ID))


@dataclass(frozen=True)
class TruncationReport:
    """How many encodings of a data set were cut, and how many tokens were lost."""

    n: int
    n_truncated: int
    tokens_cut: int
    longest: int  # the most ids any record had before cutting

    @classmethod
    def of(cls, records: Iterable[EncodedText]) -> TruncationReport:
        records = list(records)
        return cls(
            n=len(records),
            n_truncated=sum(r.truncated for r in records),
            tokens_cut=sum(r.n_cut for r in records),
            longest=max((r.n_original for r in records), default=0),
        )

    @property
    def fraction_truncated(self) -> float:
        return self.n_truncated / self.n if self.n else 0.0

    def __str__(self) -> str:
        return (f"{self.n_truncated} of {self.n} truncated ({self.fraction_truncated:.1%}), "
                f"{self.tokens_cut:,} tokens cut, longest {self.longest:,}")  # fmt: skip
