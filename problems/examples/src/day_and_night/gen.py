"""Test inputs for Day and Night: cases where resting pays off, greedy traps, 64-bit totals, maximum n."""

import random

MAX_N = 5 * 10**4
MAX_PAY = 10**9


def render(a, b):
    return f"{len(a)}\n{' '.join(map(str, a))}\n{' '.join(map(str, b))}\n"


def private_inputs():
    rng = random.Random(9002_1)
    tests = []
    tests.append(render([1], [1]))
    tests.append(render([1, 1, 100], [50, 1, 1]))  # night, rest, then the rich day shift
    tests.append(render([1, 100, 1, 100], [2, 1, 2, 1]))  # greedy's night shift blocks every rich day
    tests.append(render([10, 10, 10, 10, 10], [11, 1, 11, 1, 11]))
    a = [rng.randint(1, 10) for _ in range(12)]
    b = [rng.randint(1, 10) for _ in range(12)]
    tests.append(render(a, b))
    a = [rng.randint(1, 1000) for _ in range(500)]
    b = [rng.randint(1, 1000) for _ in range(500)]
    tests.append(render(a, b))
    # nights pay slightly more, but every few days there is a very rich day shift
    a = [MAX_PAY if i % 7 == 6 else rng.randint(1, 1000) for i in range(3000)]
    b = [x + rng.randint(1, 50) if x < MAX_PAY else 1 for x in a]
    tests.append(render(a, b))
    # maximum n with small pays
    tests.append(render([rng.randint(1, 9) for _ in range(MAX_N)], [rng.randint(1, 9) for _ in range(MAX_N)]))
    # maximum n, random large pays: the total needs 64 bits
    a = [rng.randint(1, MAX_PAY) for _ in range(MAX_N)]
    b = [rng.randint(1, MAX_PAY) for _ in range(MAX_N)]
    tests.append(render(a, b))
    return tests


def validate(text):
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 4, "expected three lines"
    n = int(lines[0])
    assert 1 <= n <= MAX_N, "n out of range"
    a = list(map(int, lines[1].split()))
    b = list(map(int, lines[2].split()))
    assert len(a) == n and len(b) == n, "wrong counts"
    assert all(1 <= x <= MAX_PAY for x in a + b), "pay out of range"
