"""Output comparison: does a program's output match a test's expected output?

The default rule is the one Codeforces-style judges and CodeContests use, with two of CodeContests' caveats fixed:
outputs are split into whitespace-separated tokens (so spacing and blank lines never matter), words compare
case-insensitively, integers compare exactly at any size (no int32 or float round-trip), and when the expected token
is a number and the actual token is a real number they must agree within 1e-6, absolute or relative (CodeContests
uses absolute-only 1e-5, which rejects correct large answers).

A problem can instead name a checker program; `checker_program` wraps it so that the sandbox can run it with the
test's input, the expected output and the contestant's output as three files (see `solver.problem.Checker`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from solver.execution.results import Program
from solver.problem import Checker, Language

FLOAT_TOLERANCE = 1e-6

_INTEGER = re.compile(r"[+-]?\d+")
_REAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


@dataclass(frozen=True)
class Comparison:
    """Outcome of comparing one output; `reason` says where they first differ (empty when they match)."""

    ok: bool
    reason: str = ""


def tokens(output: str | bytes) -> list[str]:
    if isinstance(output, bytes):
        output = output.decode("utf-8", errors="replace")
    return output.split()


def _real(token: str) -> float | None:
    if not _REAL.fullmatch(token):
        return None
    value = float(token)
    return value if math.isfinite(value) else None


def tokens_match(expected: str, actual: str) -> bool:
    if expected == actual or expected.lower() == actual.lower():
        return True
    if _INTEGER.fullmatch(expected) and _INTEGER.fullmatch(actual):
        return int(expected) == int(actual)  # Python ints: exact at any size
    e, a = _real(expected), _real(actual)
    if e is None or a is None:
        return False
    return abs(a - e) <= FLOAT_TOLERANCE or abs(a - e) <= FLOAT_TOLERANCE * abs(e)


def _short(token: str) -> str:
    return token if len(token) <= 24 else token[:21] + "..."


def compare_one(expected: str, actual: str | bytes) -> Comparison:
    want, got = tokens(expected), tokens(actual)
    for index, (e, a) in enumerate(zip(want, got)):
        if not tokens_match(e, a):
            return Comparison(False, f"token {index + 1}: expected '{_short(e)}', got '{_short(a)}'")
    if len(want) != len(got):
        return Comparison(False, f"expected {len(want)} tokens, got {len(got)}")
    return Comparison(True)


def compare(expected: str | tuple[str, ...], actual: str | bytes) -> Comparison:
    """Compare against one expected output, or any of several accepted ones."""
    if isinstance(expected, str):
        return compare_one(expected, actual)
    first = Comparison(False, "no accepted outputs listed")
    for index, alternative in enumerate(expected):
        result = compare_one(alternative, actual)
        if result.ok:
            return result
        if index == 0:
            first = result
    return first


def normalise(output: str | bytes) -> str:
    """A canonical form of an output for grouping programs by behaviour: tokens joined by single spaces, lowercased."""
    return " ".join(tokens(output)).lower()


# ------------------------------------------------------------------------------------------------------ checkers
# The executor gives a program standard input only, so a checker is wrapped: the wrapper reads the three files
# from stdin as length-prefixed blobs ("<n>\n" then n bytes, three times), writes them into the scratch directory
# and calls the checker with their names as argv[1:4] — the checker's own code is left untouched. A checker accepts with status 0 and rejects with 1;
# anything else (a crash, status 3) is the judge's failure. The C++
# wrapper starts with bits/stdc++.h so the precompiled header still applies.

CHECKER_FILES = ("input.txt", "expected.txt", "output.txt")

_PY_WRAPPER = """\
import sys as _s
def _blobs():
    data = _s.stdin.buffer.read()
    out, pos = [], 0
    for _ in range(3):
        end = data.index(b"\\n", pos)
        size = int(data[pos:end])
        out.append(data[end + 1:end + 1 + size])
        pos = end + 1 + size
    return out
for _name, _blob in zip({files!r}, _blobs()):
    with open(_name, "wb") as _f:
        _f.write(_blob)
_s.argv = ["checker", *{files!r}]
_s.stdin = open("input.txt")
try:
    exec(compile({source!r}, "checker.py", "exec"), {{"__name__": "__main__"}})
except SystemExit:
    raise
except BaseException:  # a crashing checker is the judge's failure: exit 3, not the "rejected" status 1
    import traceback
    traceback.print_exc()
    _s.exit(3)
"""

_CPP_WRAPPER = """\
#include <bits/stdc++.h>
int checker_main(int argc, char** argv);
static std::string read_blob() {{
    long long size = 0; int c;
    while ((c = std::getchar()) != '\\n' && c != EOF) size = size * 10 + (c - '0');
    std::string blob(size, '\\0');
    size_t got = std::fread(&blob[0], 1, size, stdin);
    blob.resize(got);
    return blob;
}}
int main() {{
    const char* names[3] = {{"{f0}", "{f1}", "{f2}"}};
    std::string blobs[3];
    for (auto& blob : blobs) blob = read_blob();
    for (int i = 0; i < 3; ++i) {{
        FILE* f = std::fopen(names[i], "wb");
        if (!f) return 3;
        std::fwrite(blobs[i].data(), 1, blobs[i].size(), f);
        std::fclose(f);
    }}
    if (!std::freopen("input.txt", "r", stdin)) return 3;
    char* argv[] = {{(char*)"checker", (char*)names[0], (char*)names[1], (char*)names[2], nullptr}};
    return checker_main(4, argv);
}}
#define main checker_main
#line 1 "checker.cpp"
"""


def checker_program(checker: Checker) -> tuple[Language, str]:
    """The (language, source) the sandbox runs for this checker."""
    if checker.language == Language.PYTHON3:
        return Language.PYTHON3, _PY_WRAPPER.format(files=CHECKER_FILES, source=checker.source)
    if checker.language == Language.CPP:
        f0, f1, f2 = CHECKER_FILES
        return Language.CPP, _CPP_WRAPPER.format(f0=f0, f1=f1, f2=f2) + checker.source
    raise ValueError(f"checkers must be PYTHON3 or CPP, not {checker.language.value}")


def checker_own_program(checker: Checker) -> Program:
    """The program whose compiler messages are the checker's own. A Python checker is compiled by its wrapper only
    when it runs (a syntax error is then a crash), so its source is checked alone; a C++ checker is compiled
    inside its wrapper (`#line` makes the messages quote checker.cpp)."""
    if checker.language == Language.PYTHON3:
        return Program(Language.PYTHON3, checker.source)
    return Program(*checker_program(checker))


def first_compile_error(language: Language, message: str) -> str:
    """One line for a compiler's message: g++'s first error (not the "In function" context line before it), or
    CPython's "line N: SyntaxError: ...", with the file called checker.py/.cpp as in the wrapper."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    if language == Language.CPP:
        errors = [line for line in lines if re.search(r":\d+(:\d+)?: (fatal )?error:", line)]
        return (errors or lines or ["no message"])[0]
    where = next((m.group(1) for line in lines if (m := re.search(r"line (\d+)", line))), None)
    last = lines[-1] if lines else "no message"
    return f"checker.py, line {where}: {last}" if where else last


def checker_stdin(test_input: str, expected: str, actual: bytes) -> bytes:
    parts = [test_input.encode(), expected.encode(), actual]
    return b"".join(str(len(part)).encode() + b"\n" + part for part in parts)
