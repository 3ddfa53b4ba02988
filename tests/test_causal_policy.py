"""The causal-model policy on tiny Qwen2 models built here: a random one (counts, order, seeding, raw scores) and
one trained for a few seconds to answer fixed replies (extraction, stopping at a code block or EOS, input writing).
Also the prompt text, reply parsing and model routing with their error messages."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import AutoTokenizer, PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

from solver.errors import UsageError
from solver.model.prompt import PromptSpec
from solver.pipeline.causal import (
    CausalPolicy,
    extract_code,
    fenced_blocks,
    input_request,
    looks_like_causal_model,
    prompts_for_input,
    render_prompt,
    solution_request,
)
from solver.pipeline.policy import SamplingSettings
from solver.problem import Language, PublicProblem, load_problem
from solver.problem import Tests as Cases  # (a name pytest would try to collect)

PY, CPP = Language.PYTHON3, Language.CPP
EXAMPLES = Path(__file__).resolve().parent.parent / "problems" / "examples"
CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
SUM = PublicProblem(
    name="tiny_sum",
    description="Given two integers a and b, print a + b. For instance, for 2 3 the answer is 5.\n\nInput\n\n"
    "One line with a and b (1 ≤ a, b ≤ 100).\n\nOutput\n\nPrint a + b.\n\nExample\n\nInput\n\n1 1\n\nOutput\n\n2\n",
    public_tests=Cases(input=("1 1\n",), output=("2\n",)),
    cf_rating=800,
    cf_tags=("math",),
)
# What the trained model learns to answer: bare code ending in EOS for Python; a fenced block followed by chatter
# that sampling must never reach (it stops at the closed block) for C++; one fenced input for input requests.
TARGETS = {
    "python": "print(1)",
    "cpp": "```cpp\nint main(){return 0;}\n```\nDone, that was easy.",
    "inputs": "```\n2 3\n```\nHere it is.",
}


def _tokenizer() -> PreTrainedTokenizerFast:
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    corpus = [solution_request(SUM, PY), solution_request(SUM, CPP), input_request(SUM), *TARGETS.values()]
    trainer = trainers.BpeTrainer(vocab_size=320, special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)  # fmt: skip
    tokenizer.train_from_iterator(corpus, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token="<|im_end|>", pad_token="<|endoftext|>")
    fast.chat_template = CHAT_TEMPLATE
    return fast


def _model(tokenizer, hidden: int, seed: int) -> Qwen2ForCausalLM:
    config = Qwen2Config(vocab_size=len(tokenizer), hidden_size=hidden, intermediate_size=2 * hidden,
                         num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                         max_position_embeddings=1024, eos_token_id=tokenizer.eos_token_id,
                         pad_token_id=tokenizer.pad_token_id, tie_word_embeddings=True)  # fmt: skip
    torch.manual_seed(seed)
    return Qwen2ForCausalLM(config)


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    """Tiny models gain nothing from threads, and OpenMP threads stall badly (40x here) when other jobs share the
    cores; module-wide because the model fixtures below train and sample at module scope."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def random_dir(tmp_path_factory, one_thread) -> Path:
    path = tmp_path_factory.mktemp("random-causal")
    tokenizer = _tokenizer()
    tokenizer.save_pretrained(path)
    _model(tokenizer, 32, seed=0).save_pretrained(path)
    return path


@pytest.fixture(scope="module")
def trained_dir(tmp_path_factory, one_thread) -> Path:
    """A tiny model taught the three replies of TARGETS (loss on the reply tokens only)."""
    path = tmp_path_factory.mktemp("trained-causal")
    base = _tokenizer()
    base.save_pretrained(path)
    model = _model(base, 64, seed=1)
    model.config.save_pretrained(path)
    # Train on the ids the policy will see: with a qwen2 config.json beside it, AutoTokenizer loads the tokenizer as
    # a Qwen2 tokenizer, which splits numbers into digits unlike the in-memory one.
    tokenizer = AutoTokenizer.from_pretrained(path)
    requests = {"python": solution_request(SUM, PY), "cpp": solution_request(SUM, CPP), "inputs": input_request(SUM)}
    rows = []
    for key, request in requests.items():
        prompt = tokenizer(render_prompt(tokenizer, request, "").text, add_special_tokens=False).input_ids
        reply = tokenizer(TARGETS[key], add_special_tokens=False).input_ids + [tokenizer.eos_token_id]
        rows.append((prompt + reply, [-100] * len(prompt) + reply))
    width = max(len(ids) for ids, _ in rows)
    ids = torch.tensor([r[0] + [tokenizer.pad_token_id] * (width - len(r[0])) for r in rows])  # (3, T)
    labels = torch.tensor([r[1] + [-100] * (width - len(r[1])) for r in rows])  # (3, T)
    mask = torch.tensor([[1] * len(r[0]) + [0] * (width - len(r[0])) for r in rows])
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-3)
    for _ in range(1000):
        logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1]  # (3, T-1, V), predicting ids[:, 1:]
        targets = labels[:, 1:]
        nll = torch.nn.functional.cross_entropy(logits.transpose(1, 2), targets, reduction="none")  # (3, T-1)
        worst = nll[targets != -100].max().item()
        if worst < 0.02:  # every reply token above 98%: sampling at T <= 1 reproduces the replies
            break
        optimizer.zero_grad()
        nll[targets != -100].mean().backward()
        optimizer.step()
    # (BPE merges with tied counts come out in varying order between processes, so the step count varies.)
    assert worst < 0.02, f"the tiny model did not learn its replies (worst token NLL {worst:.3f})"
    model.save_pretrained(path)
    return path


def _plan(*languages: Language) -> list[PromptSpec]:
    return [PromptSpec(rating=1000 + 100 * i, tags=("math",), language=lang) for i, lang in enumerate(languages)]


# ------------------------------------------------------------------------------------------- sampling


def test_sample_follows_the_plan_and_is_seeded(random_dir: Path):
    policy = CausalPolicy(random_dir)
    assert policy.name == f"causal:{random_dir.name}"
    plan = _plan(PY, CPP, PY, CPP, CPP)
    settings = SamplingSettings(temperature=1.0, max_new_tokens=12, batch_size=2, seed=3)
    done = []
    samples = policy.sample(SUM, plan, settings, done.append)
    assert sum(done) == len(plan) and len(done) == 3  # Python: one batch of 2; C++: 2 + 1
    assert [s.language for s in samples] == [s.language for s in plan]
    assert [s.spec for s in samples] == plan
    for s in samples:
        assert 1 <= s.n_tokens <= 12 and s.value is None
        assert math.isfinite(s.logprob_sum) and s.logprob_sum < 0
        assert s.logprob_mean == pytest.approx(s.logprob_sum / s.n_tokens)
        assert s.finished or s.n_tokens == 12  # only a full-length reply can be unfinished
        assert isinstance(s.extra["reply"], str)
    assert any(not s.finished for s in samples)
    assert policy.sample(SUM, plan, settings) == samples
    other = policy.sample(SUM, plan, SamplingSettings(temperature=1.0, max_new_tokens=12, batch_size=2, seed=4))
    assert [s.extra["reply"] for s in other] != [s.extra["reply"] for s in samples]


def test_scores_are_raw_model_logprobs(random_dir: Path):
    """Recomputed by one full forward pass over prompt + reply: checks the shared prefix cache and that scores are
    taken before temperature and top-k (which here would change every value)."""
    policy = CausalPolicy(random_dir)
    settings = SamplingSettings(temperature=0.7, top_k=5, max_new_tokens=10, batch_size=3, seed=0)
    prompt = render_prompt(policy.tokenizer, solution_request(SUM, PY), "python")
    draws = policy._draw_many(SUM, prompt, 3, settings, frozenset(), seed=11)
    ids = policy.tokenizer(prompt.text, add_special_tokens=False).input_ids
    for draw in draws:
        full = torch.tensor([ids + list(draw.token_ids)])
        with torch.no_grad():
            logits = policy.model(full).logits[0, len(ids) - 1 : -1]  # (T, V): the positions predicting the reply
        expected = torch.log_softmax(logits, -1).gather(1, torch.tensor(draw.token_ids)[:, None]).squeeze(1)
        assert torch.allclose(torch.tensor(draw.logprobs), expected, atol=1e-4)


def test_trained_model_replies_are_extracted_and_stopped(trained_dir: Path):
    policy = CausalPolicy(trained_dir)
    samples = policy.sample(SUM, _plan(CPP, PY, CPP), SamplingSettings(temperature=0.5, max_new_tokens=60, seed=0))
    cpp, py = samples[0], samples[1]
    assert cpp.code == "int main(){return 0;}\n" and samples[2].code == cpp.code
    assert cpp.finished and cpp.extra["reply"].endswith("```") and "Done" not in cpp.extra["reply"]
    assert py.code == "print(1)\n" and py.extra["reply"] == "print(1)"
    n_reply = len(policy.tokenizer("print(1)", add_special_tokens=False).input_ids)
    assert py.finished and py.n_tokens == n_reply + 1  # the reply's tokens and the EOS that ended it
    assert all(s.logprob_mean > -0.5 for s in samples)  # the replies it was taught are near-certain
    assert not any(s.extra["prompts_for_input"] for s in samples)

    cut = policy.sample(SUM, _plan(CPP), SamplingSettings(temperature=0.5, max_new_tokens=3, seed=0))[0]
    assert not cut.finished and cut.n_tokens == 3


def test_plain_prompt_without_chat_template(random_dir: Path):
    policy = CausalPolicy(random_dir)
    policy.tokenizer.chat_template = None
    samples = policy.sample(SUM, _plan(CPP, PY), SamplingSettings(temperature=1.0, max_new_tokens=6, seed=0))
    assert [s.extra["reply"][:7] for s in samples] == ["```cpp\n", "```pyth"]  # the fence the prompt opened


def test_write_inputs(trained_dir: Path):
    policy = CausalPolicy(trained_dir)
    assert policy.write_inputs(SUM, 3, seed=0) == ["2 3\n"]  # three identical replies, kept once
    assert policy.write_inputs(SUM, 0, seed=0) == []
    # The same prompt (the statement already shows "2 3", the first example is unchanged), but "2 3" is now an
    # example too: nothing new is left.
    same_prompt = SUM.model_copy(update={"public_tests": Cases(input=("1 1\n", "2 3\n"), output=("2\n", "5\n"))})
    assert input_request(same_prompt) == input_request(SUM)
    assert policy.write_inputs(same_prompt, 2, seed=0) == []


# ------------------------------------------------------------------------------------------- prompts


def test_prompt_with_chat_template():
    tokenizer = _tokenizer()
    prompt = render_prompt(tokenizer, solution_request(SUM, PY), "python")
    assert prompt.chat and prompt.reply_prefix == ""
    assert prompt.text.startswith("<|im_start|>user\n") and prompt.text.endswith("<|im_start|>assistant\n")
    text = prompt.text
    assert "Python 3 program" in text and SUM.description.strip() in text
    assert 'no prompts such as "Enter a number:"' in text and "never pass a message to input()" in text
    assert "standard input" in text and "standard output" in text and "single ```python code block" in text
    assert "RATING" not in text and "800" not in text and "math" not in text  # metadata left out on purpose
    assert "Example 1" not in text  # the statement already shows its example


def test_plain_prompt_and_missing_examples():
    tokenizer = _tokenizer()
    tokenizer.chat_template = None
    bare = SUM.model_copy(update={"description": "Print a + b.\n\nInput\n\nTwo integers.\n\nOutput\n\nTheir sum."})
    prompt = render_prompt(tokenizer, solution_request(bare, CPP), "cpp")
    assert not prompt.chat and prompt.reply_prefix == "```cpp\n" and prompt.text.endswith("\n\n```cpp\n")
    assert "C++17 program" in prompt.text and "Print a + b." in prompt.text
    assert "Example 1\nInput:\n```\n1 1\n```\nOutput:\n```\n2\n```" in prompt.text
    assert "never print a message before reading" in prompt.text


def test_prompt_for_a_real_example_problem():
    problem = load_problem(EXAMPLES / "lamp_garland.json").public_view()
    text = solution_request(problem, CPP)
    for given, expected in problem.public_tests.pairs():
        assert given.strip() in text and expected.strip() in text
    assert "Output" in text and text.count("Masha has a circular garland") == 1
    request = input_request(problem)
    assert "one new test input" in request and "at most 10" in request and problem.description.strip() in request
    assert f"this is the example input:\n```\n{problem.public_tests.input[0].strip()}\n```" in request


# ------------------------------------------------------------------------------------------- replies

PY_CODE = "n = int(input())\nprint(n * 2)"
REPLIES = [
    # (reply, language, expected code)
    (f"Here is the solution:\n\n```python\n{PY_CODE}\n```\n\nIt reads n and doubles it.", PY, PY_CODE + "\n"),
    (f"```py\n{PY_CODE}\n```", PY, PY_CODE + "\n"),
    ("Example:\n```\n3\n```\nCode:\n```python3\nprint(6)\n```", PY, "print(6)\n"),  # tagged beats an earlier bare one
    ("```cpp\nint main(){}\n```\n```python\nprint(1)\n```", PY, "print(1)\n"),  # first block is the wrong language
    ("```java\nclass A {}\n```", PY, ""),  # only another language: nothing to run
    ("```\nprint(2)\n```", PY, "print(2)\n"),  # bare fence
    (f"```python\n{PY_CODE}\nfor i in range(3):\n    pri", PY, f"{PY_CODE}\nfor i in range(3):\n    pri\n"),  # cut
    (f"```python\n{PY_CODE}\n``", PY, PY_CODE + "\n"),  # cut while closing the fence
    (f"{PY_CODE}\n", PY, PY_CODE + "\n"),  # no fence, but code
    ("I cannot solve this problem.", PY, ""),  # prose only
    ("Sorry", PY, ""),  # parses as Python, but is no program
    ("```python\n\n```\n```python\nprint(3)\n```", PY, "print(3)\n"),  # an empty block is skipped
    ("1. Solution:\n   ```cpp\n   int main() {\n     return 0;\n   }\n   ```", CPP, "int main() {\n  return 0;\n}\n"),
    ('```c++\n#include <cstdio>\nint main(){puts("1");}\n```', CPP, '#include <cstdio>\nint main(){puts("1");}\n'),
    ("```python\nprint(1)\n```", CPP, ""),
    (
        "#include <iostream>\nint main() { std::cout << 1; }",
        CPP,
        "#include <iostream>\nint main() { std::cout << 1; }\n",
    ),
    ("Use a loop over the string and count equal neighbours.", CPP, ""),
]


@pytest.mark.parametrize(("reply", "language", "expected"), REPLIES)
def test_extract_code(reply: str, language: Language, expected: str):
    assert extract_code(reply, language) == expected


def test_fenced_blocks_report_tags_and_closing():
    blocks = fenced_blocks("a\n```Python\nx = 1\n```\ntext\n````\ny\n```\nz")
    assert [(b.tag, b.body, b.closed) for b in blocks] == [("python", "x = 1", True), ("", "y\n```\nz", False)]


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ('n = int(input("Enter a number: "))\nprint(n)', PY, True),
        ("name = input(f'{1}: ')", PY, True),
        ('print("Enter n:")\nn = int(input())', PY, True),
        ("n = int(input())\nprint(n)", PY, False),
        ('n = int(input(""))\nprint("Yes")', PY, False),
        ('n = int(input("Enter n: ")\n', PY, True),  # does not parse: the regex fallback
        ('int main(){int n; std::cout << "Enter n: "; std::cin >> n;}', CPP, True),
        ('int main(){printf("Input the string:\\n");}', CPP, True),
        ('int main(){int n; std::cin >> n; std::cout << "YES\\n";}', CPP, False),
        ('int main(){int n; std::cin >> n; if (n <= 0) std::cerr << "Input must be positive";}', CPP, False),
        ('int main(){puts("Enter two numbers"); return 0;}', CPP, True),
    ],
)
def test_prompts_for_input(code: str, language: Language, expected: bool):
    assert prompts_for_input(code, language) is expected


# ------------------------------------------------------------------------------------------- routing and errors


def _write_config(path: Path, **fields) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "config.json").write_text(json.dumps(fields))
    return path


def test_looks_like_causal_model(tmp_path: Path, random_dir: Path):
    assert looks_like_causal_model(random_dir)
    assert looks_like_causal_model(_write_config(tmp_path / "llama", model_type="llama"))
    assert looks_like_causal_model(_write_config(tmp_path / "gpt2", architectures=["GPT2LMHeadModel"]))
    assert not looks_like_causal_model(_write_config(tmp_path / "own", model_type="alphacode"))
    assert not looks_like_causal_model(_write_config(tmp_path / "bert", architectures=["BertForMaskedLM"]))
    assert not looks_like_causal_model(_write_config(tmp_path / "t5", model_type="t5"))
    (tmp_path / "q.gguf").write_bytes(b"GGUF")
    assert looks_like_causal_model(tmp_path / "q.gguf")
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "m.gguf").write_bytes(b"GGUF")
    assert looks_like_causal_model(tmp_path / "one")
    assert not looks_like_causal_model(tmp_path / "missing")
    (tmp_path / "r.gguf").write_bytes(b"GGUF")
    assert not looks_like_causal_model(tmp_path)  # two .gguf files: which one is meant?


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "nothing", "no such model file or directory"),
        (lambda p: (p / "w.bin").write_bytes(b"x") and p / "w.bin", "expected a .gguf file"),
        (lambda p: _write_config(p / "own", model_type="alphacode"), "model_type 'alphacode'"),
        (lambda p: _write_config(p / "bert", architectures=["BertForMaskedLM"]), "not a causal language model"),
        (lambda p: (p / "a.gguf").touch() or (p / "b.gguf").touch() or p, "several .gguf files (a.gguf, b.gguf)"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "no config.json and no .gguf file"),
        (lambda p: _write_config(p / "bare", model_type="llama"), "cannot load the model or its tokenizer"),
    ],
)
def test_errors_name_the_path(tmp_path: Path, setup, message: str):
    path = setup(tmp_path)
    with pytest.raises(UsageError) as error:
        CausalPolicy(path)
    text = str(error.value)
    assert text.startswith(str(path)) and message in text and "\n" not in text


def test_gguf_without_the_gguf_package(tmp_path: Path, monkeypatch):
    import solver.pipeline.causal

    monkeypatch.setattr(solver.pipeline.causal, "is_gguf_available", lambda *args, **kwargs: False)
    (tmp_path / "m.gguf").write_bytes(b"GGUF")
    with pytest.raises(UsageError, match=r"m\.gguf: loading a GGUF model needs the gguf package: pip install gguf"):
        CausalPolicy(tmp_path / "m.gguf")
