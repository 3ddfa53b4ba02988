"""The seeded sample file of the selection benchmark (`bench_selection.py`): what a sampler writes for one problem.

For the bundled problem "Rooftop View" (sum over buildings of how many buildings one sees to the right), programs are
made from templates of many kinds: correct algorithms (a stack from either side, a quadratic scan that fails only on
the hidden maximum tests), programs that pass the examples but are wrong elsewhere (equal heights mishandled, a
height-to-index map, a 32-bit sum, a modulus), off-by-one errors, printed prompts and labels, missing output,
crashes, syntax and compile errors, and rare infinite loops. Each kind comes in many distinct texts (random
identifiers, reading and printing styles, comments, layout, headers) and with exact duplicates in a Zipf-like share,
as a model at low temperature repeats its favourites. The same seed builds the same file.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from string import Template

from solver.problem import Language

# Templates. $n $h $st $ans $i $j $x are identifiers, renamed per program; $LL is `long long` or a typedef.

NAMES = {
    "n": ["n", "N", "cnt", "num", "sz", "length", "m"],
    "h": ["h", "a", "heights", "arr", "hs", "H", "height", "v", "b"],
    "st": ["st", "stk", "s", "mono", "q", "waiting", "blockers", "cand"],
    "ans": ["ans", "total", "res", "result", "answer", "tot", "acc", "out"],
    "i": ["i", "idx", "p", "pos", "ii"],
    "j": ["j", "k", "nxt", "jj", "r"],
    "x": ["x", "val", "e", "el", "t", "w"],
}
COMMENTS = ["read the input", "monotonic stack", "next building at least as tall", "the answer needs 64 bits",
            "O(n)", "go from the right", "sum of what Alice sees", "stack of possible blockers", "brute force",
            "no taller building to the right: she sees the rest", "TODO: check n = 1", "count visible roofs"]  # fmt: skip

PY_READ = {
    "sys": "data = sys.stdin.buffer.read().split()\n$n = int(data[0])\n$h = list(map(int, data[1:$n + 1]))\n",
    "input": "$n = int(input())\n$h = list(map(int, input().split()))\n",
    "open": "$n, *$h = map(int, open(0).read().split())\n",
    "prompt": '$n = int(input("Enter the number of buildings: "))\n$h = list(map(int, input("Heights: ").split()))\n',
    "swapped": "$h = list(map(int, input().split()))\n$n = int(input())\n",
}
PY_OUT = ["print($ans)\n", 'sys.stdout.write(str($ans) + "\\n")\n', "print(str($ans))\n"]
# The reference algorithm (a stack of possible blockers, from the right); LESS and ADD turn it into wrong kinds.
PY_STACK = """$st = []
$ans = 0
for $i in range($n - 1, -1, -1):
    while $st and $h[$st[-1]] LESS $h[$i]:
        $st.pop()
    $ans += ADD
    $st.append($i)
"""
PY_LTR = """$ans = 0
$st = []
for $i in range($n):
    while $st and $h[$st[-1]] <= $h[$i]:
        $j = $st.pop()
        $ans += $i - $j
    $st.append($i)
for $j in $st:
    $ans += $n - 1 - $j
"""
# Correct, but quadratic: too slow only on the hidden maximum tests. STEP left out makes an infinite loop.
PY_NAIVE = """$ans = 0
for $i in range($n):
    $j = $i + 1
    while $j < $n and $h[$j] < $h[$i]:
        STEP
    $ans += $j - $i if $j < $n else $n - 1 - $i
"""
PY_ALL_LOWER = "$ans = 0\nfor $i in range($n):\n    $ans += sum(1 for $j in range($i + 1, $n) if $h[$j] < $h[$i])\n"
# Heights as dictionary keys: equal heights on the stack share one index, which is wrong only when heights repeat.
PY_HEIGHT_DICT = """$st = []
where = {}
$ans = 0
for $i in range($n):
    while $st and $st[-1] < $h[$i]:
        $ans += $i - where[$st.pop()]
    $st.append($h[$i])
    where[$h[$i]] = $i
for $j in $st:
    $ans += $n - 1 - where[$j]
"""
GOOD_ADD = "$st[-1] - $i if $st else $n - 1 - $i"

CPP_READ = {
    "scanf": 'int $n;\nscanf("%d", &$n);\nvector<$LL> $h($n);\nfor (int $i = 0; $i < $n; $i++) scanf("%lld", &$h[$i]);\n',
    "fast": "ios::sync_with_stdio(false);\ncin.tie(nullptr);\nint $n;\ncin >> $n;\nvector<$LL> $h($n);\n"
            "for (auto &$x : $h) cin >> $x;\n",
    "cin": "int $n;\ncin >> $n;\nvector<$LL> $h($n);\nfor (auto &$x : $h) cin >> $x;\n",
    "prompt": 'int $n;\ncout << "Enter the number of buildings: ";\ncin >> $n;\nvector<$LL> $h($n);\n'
              "for (auto &$x : $h) cin >> $x;\n",
}  # fmt: skip
CPP_OUT = ["cout << $ans << '\\n';\n", "cout << $ans << endl;\n", 'cout << $ans << "\\n";\n']
CPP_STACK = """vector<int> $st;
SUM $ans = 0;
for (int $i = $n - 1; $i >= 0; $i--) {
    while (!$st.empty() && $h[$st.back()] LESS $h[$i]) $st.pop_back();
    $ans += ADD;
    $st.push_back($i);
}
"""
CPP_STD_STACK = """stack<int> $st;
SUM $ans = 0;
for (int $i = $n - 1; $i >= 0; $i--) {
    while (!$st.empty() && $h[$st.top()] < $h[$i]) $st.pop();
    if ($st.empty()) $ans += $n - 1 - $i;
    else $ans += $st.top() - $i;
    $st.push($i);
}
"""
CPP_LTR = """vector<int> $st;
$LL $ans = 0;
for (int $i = 0; $i < $n; $i++) {
    while (!$st.empty() && $h[$st.back()] <= $h[$i]) {
        $ans += $i - $st.back();
        $st.pop_back();
    }
    $st.push_back($i);
}
for (int $j : $st) $ans += $n - 1 - $j;
"""
CPP_NAIVE = """$LL $ans = 0;
for (int $i = 0; $i < $n; $i++) {
    int $j = $i + 1;
    while (COND) STEP;
    $ans += ($j < $n) ? ($j - $i) : ($n - 1 - $i);
}
"""
CPP_ALL_LOWER = "$LL $ans = 0;\nfor (int $i = 0; $i < $n; $i++)\n    for (int $j = $i + 1; $j < $n; $j++)\n" \
                "        if ($h[$j] < $h[$i]) $ans++;\n"  # fmt: skip
CPP_HEIGHT_MAP = """vector<$LL> $st;
map<$LL, int> where;
$LL $ans = 0;
for (int $i = 0; $i < $n; $i++) {
    while (!$st.empty() && $st.back() < $h[$i]) {
        $ans += $i - where[$st.back()];
        $st.pop_back();
    }
    $st.push_back($h[$i]);
    where[$h[$i]] = $i;
}
for ($LL $j : $st) $ans += $n - 1 - where[$j];
"""
CPP_GOOD_ADD = "$st.empty() ? ($n - 1 - $i) : ($st.back() - $i)"
NAIVE_COND = "$j < $n && $h[$j] < $h[$i]"


def _py(body: str, *, read: str | None = None, out: str | None = "", less: str = "<", add: str = GOOD_ADD,
        step: str = "$j += 1", broken: str = "") -> Callable[[random.Random], str]:  # fmt: skip
    """A Python program of one kind: `read`/`out` fixed or drawn (out=None: prints nothing), parts substituted."""
    text = body.replace("LESS", less).replace("ADD", add).replace("STEP", step)

    def make(rng: random.Random) -> str:
        lines = _with_comments(rng, text, "#")
        lines = PY_READ[read or rng.choice(["sys", "input", "open"])] + lines
        lines += "" if out is None else (out or rng.choice(PY_OUT))
        lines = _broken(rng, lines, broken)
        wrap = rng.choice(["top", "main", "solve"])
        if wrap != "top":
            name = "main" if wrap == "main" else "solve"
            call = f"{name}()\n" if wrap == "main" else 'if __name__ == "__main__":\n    solve()\n'
            lines = f"def {name}():\n" + "".join(f"    {line}" if line.strip() else line
                                                 for line in lines.splitlines(True)) + "\n\n" + call
        source = _rename(rng, lines, "long long")
        return ("import sys\n\n" if "sys." in source else "") + source

    return make


def _cpp(body: str, *, read: str | None = None, out: str | None = "", less: str = "<", add: str = CPP_GOOD_ADD,
         total: str = "$LL", cond: str = NAIVE_COND, step: str = "$j++", pre: str = "",
         broken: str = "") -> Callable[[random.Random], str]:  # fmt: skip
    """A C++ program of one kind, as `_py`."""
    text = body.replace("LESS", less).replace("ADD", add).replace("SUM", total).replace("COND", cond)
    text = text.replace("STEP", step)

    def make(rng: random.Random) -> str:
        lines = CPP_READ[read or rng.choice(["scanf", "fast", "cin"])] + pre + _with_comments(rng, text, "//")
        lines += "" if out is None else (out or rng.choice(CPP_OUT))
        if rng.random() < 0.5:
            lines += "return 0;\n"
        lines = _broken(rng, lines, broken)
        indent = rng.choice(["    ", "  ", "\t"])
        body_text = "".join(indent + line.replace("    ", indent) for line in lines.splitlines(True))
        heading = "#include <bits/stdc++.h>\n" if rng.random() < 0.8 else \
            "#include <iostream>\n#include <vector>\n#include <stack>\n#include <map>\n#include <cstdio>\n#include <cassert>\n"
        typedef = "typedef long long ll;\n" if rng.random() < 0.4 else ""
        source = f"{heading}using namespace std;\n{typedef}\nint main() {{\n{body_text}}}\n"
        return _rename(rng, source, "ll" if typedef else "long long")

    return make


def _with_comments(rng: random.Random, text: str, marker: str) -> str:
    lines = text.splitlines(True)
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        at = rng.randrange(len(lines) + 1)
        lead = lines[at][: len(lines[at]) - len(lines[at].lstrip())] if at < len(lines) else ""
        lines.insert(at, f"{lead}{marker} {rng.choice(COMMENTS)}\n")
    return "".join(lines)


def _broken(rng: random.Random, text: str, how: str) -> str:
    """A syntax error: drop the last `how` character (':' or ')' or ';') of a random line that has one."""
    if not how:
        return text
    lines = text.splitlines(True)
    candidates = [k for k, line in enumerate(lines) if how in line and not line.lstrip().startswith(("#", "//"))]
    k = rng.choice(candidates)
    cut = lines[k].rfind(how)
    lines[k] = lines[k][:cut] + lines[k][cut + 1:]
    return "".join(lines)


def _rename(rng: random.Random, text: str, long_long: str) -> str:
    names = {role: rng.choice(pool) for role, pool in NAMES.items()}
    return Template(text).substitute(names, LL=long_long)


@dataclass(frozen=True)
class Kind:
    name: str
    language: Language
    weight: float  # share of the language's samples
    expected: str  # verdict on the examples
    make: Callable[[random.Random], str]


PY, CPP = Language.PYTHON3, Language.CPP
KINDS = [
    Kind("py_stack", PY, 10, "OK", _py(PY_STACK)),
    Kind("py_stack_ltr", PY, 5, "OK", _py(PY_LTR)),
    Kind("py_naive_quadratic", PY, 5, "OK", _py(PY_NAIVE)),
    Kind("py_mod", PY, 2, "OK", _py(PY_STACK, out="print($ans % (10**9 + 7))\n")),
    Kind("py_strict", PY, 6, "OK", _py(PY_STACK, less="<=")),
    Kind("py_equal_unseen", PY, 3, "OK", _py(PY_STACK, add="$st[-1] - $i - ($h[$st[-1]] == $h[$i]) if $st else $n - 1 - $i")),
    Kind("py_height_dict", PY, 2, "OK", _py(PY_HEIGHT_DICT)),
    Kind("py_off_by_one_blocker", PY, 9, "WA", _py(PY_STACK, add="$st[-1] - $i - 1 if $st else $n - 1 - $i")),
    Kind("py_off_by_one_end", PY, 8, "WA", _py(PY_STACK, add="$st[-1] - $i if $st else $n - $i")),
    Kind("py_skip_first", PY, 5, "WA", _py(PY_STACK.replace("range($n - 1, -1, -1)", "range($n - 1, 0, -1)"))),
    Kind("py_count_all_lower", PY, 5, "WA", _py(PY_ALL_LOWER)),
    Kind("py_prompt", PY, 4, "WA", _py(PY_STACK, read="prompt")),
    Kind("py_labelled_output", PY, 2, "WA", _py(PY_STACK, out='print("Answer:", $ans)\n')),
    Kind("py_no_output", PY, 3, "WA", _py(PY_STACK, out=None)),
    Kind("py_index_error", PY, 8, "RE", _py(PY_STACK, add="$st[-1] - $i if $st is not None else $n - 1 - $i")),
    Kind("py_read_order", PY, 5, "RE", _py(PY_STACK, read="swapped")),
    Kind("py_name_error", PY, 4, "RE", _py(PY_STACK, out="print(${ans}s)\n")),
    Kind("py_missing_colon", PY, 7, "CE", _py(PY_STACK, broken=":")),
    Kind("py_unbalanced_paren", PY, 5, "CE", _py(PY_NAIVE, broken=")")),
    Kind("py_infinite_loop", PY, 0.5, "TLE", _py(PY_NAIVE, step="$ans += 1")),
    Kind("cpp_stack", CPP, 8, "OK", _cpp(CPP_STACK)),
    Kind("cpp_std_stack", CPP, 4, "OK", _cpp(CPP_STD_STACK)),
    Kind("cpp_stack_ltr", CPP, 5, "OK", _cpp(CPP_LTR)),
    Kind("cpp_naive_quadratic", CPP, 5, "OK", _cpp(CPP_NAIVE)),
    Kind("cpp_int_sum", CPP, 4, "OK", _cpp(CPP_STD_STACK, total="int")),
    Kind("cpp_strict", CPP, 6, "OK", _cpp(CPP_STACK, less="<=")),
    Kind("cpp_equal_unseen", CPP, 2, "OK",
         _cpp(CPP_STACK, add="$st.empty() ? ($n - 1 - $i) : ($st.back() - $i - ($h[$st.back()] == $h[$i]))")),
    Kind("cpp_height_map", CPP, 2, "OK", _cpp(CPP_HEIGHT_MAP)),
    Kind("cpp_off_by_one_blocker", CPP, 9, "WA", _cpp(CPP_STACK, add="$st.empty() ? ($n - 1 - $i) : ($st.back() - $i - 1)")),
    Kind("cpp_off_by_one_end", CPP, 8, "WA", _cpp(CPP_STACK, add="$st.empty() ? ($n - $i) : ($st.back() - $i)")),
    Kind("cpp_skip_first", CPP, 5, "WA", _cpp(CPP_STACK.replace("$i >= 0", "$i > 0"))),
    Kind("cpp_count_all_lower", CPP, 4, "WA", _cpp(CPP_ALL_LOWER)),
    Kind("cpp_prompt", CPP, 4, "WA", _cpp(CPP_STACK, read="prompt")),
    Kind("cpp_labelled_output", CPP, 2, "WA", _cpp(CPP_STACK, out='cout << "Answer: " << $ans << endl;\n')),
    Kind("cpp_no_output", CPP, 3, "WA", _cpp(CPP_STACK, out=None)),
    Kind("cpp_at_out_of_range", CPP, 8, "RE", _cpp(CPP_NAIVE, cond="$h.at($j) < $h[$i]")),
    Kind("cpp_assert", CPP, 4, "RE", _cpp(CPP_STACK, pre="assert($n <= 5);\n")),
    Kind("cpp_missing_semicolon", CPP, 8, "CE", _cpp(CPP_STACK, broken=";")),
    Kind("cpp_undeclared", CPP, 6, "CE", _cpp(CPP_STACK, out="cout << ${ans}_ << endl;\n")),
    Kind("cpp_infinite_loop", CPP, 0.5, "TLE", _cpp(CPP_NAIVE, step="$ans++")),
]


def apportion(total: int, weights: Sequence[float], floor: int = 0) -> list[int]:
    """Integers proportional to `weights` summing to `total` (largest remainder), each at least `floor`."""
    exact = [total * w / sum(weights) for w in weights]
    counts = [max(floor, int(e)) for e in exact]
    by_remainder = sorted(range(len(weights)), key=lambda k: exact[k] - int(exact[k]), reverse=True)
    for k in by_remainder[: max(0, total - sum(counts))]:
        counts[k] += 1
    return counts


def build_samples(n_samples: int, distinct: dict[Language, int], seed: int) -> tuple[list[dict], list[dict]]:
    """(JSONL records in sampling order, the mix per kind). Half the samples in each language."""
    rng = random.Random(seed)
    per_language = dict(zip((PY, CPP), apportion(n_samples, [1, 1])))
    records, mix = [], []
    for language in (PY, CPP):
        kinds = [k for k in KINDS if k.language == language]
        samples = apportion(per_language[language], [k.weight for k in kinds], floor=1)
        programs = apportion(distinct[language], [k.weight for k in kinds], floor=1)
        for kind, n_kind, d_kind in zip(kinds, samples, programs):
            d_kind = min(d_kind, n_kind)
            texts: dict[str, None] = {}
            for _ in range(200 * d_kind):
                texts[kind.make(rng)] = None
                if len(texts) == d_kind:
                    break
            else:
                raise RuntimeError(f"kind {kind.name}: only {len(texts)} distinct programs of {d_kind} wanted")
            distinct_texts = list(texts)
            # Each distinct text once, the rest as repeats, favouring the first ones (a sampler's favourites).
            zipf = [1 / (rank + 1) for rank in range(d_kind)]
            chosen = distinct_texts + rng.choices(distinct_texts, weights=zipf, k=n_kind - d_kind)
            records += [{"language": language.value, "code": code, "kind": kind.name} for code in chosen]
            mix.append({"kind": kind.name, "language": language.value, "expected_verdict": kind.expected,
                        "samples": n_kind, "distinct": d_kind})  # fmt: skip
    rng.shuffle(records)
    return [{"id": f"s{k:05d}", **r} for k, r in enumerate(records)], mix

