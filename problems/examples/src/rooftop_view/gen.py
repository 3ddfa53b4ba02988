"""Test inputs for Rooftop View: equal heights, monotone rows, and maximum tests on which a quadratic scan is too slow."""

import random

MAX_N = 2 * 10**5
MAX_H = 10**9


def render(h):
    return f"{len(h)}\n{' '.join(map(str, h))}\n"


def private_inputs():
    rng = random.Random(9002_2)
    tests = []
    tests.append(render([7]))
    tests.append(render([4, 4, 4, 4, 4]))  # every roof is blocked by the next, equally tall building
    tests.append(render([1, 2, 3, 4, 5, 6]))
    tests.append(render([5, 3, 5, 1, 3, 2, 5, 5, 1]))
    tests.append(render([rng.randint(1, 5) for _ in range(30)]))
    tests.append(render([rng.randint(1, MAX_H) for _ in range(1000)]))
    tests.append(render([rng.randint(1, 3) for _ in range(5000)]))
    # heights up to 10^9, sorted in decreasing order with many repeats
    tests.append(render(sorted((rng.randint(1, MAX_H) for _ in range(2 * 10**4)), reverse=True)))
    # maximum n, random heights with many repeats
    tests.append(render([rng.randint(1, 1000) for _ in range(MAX_N)]))
    # maximum n: a strictly decreasing ridge followed by a flat valley. Every roof of the ridge sees over the
    # whole rest of the row, so scanning to the right takes ~1.5 * 10^10 steps; the answer needs 64 bits.
    ridge = MAX_N // 2
    tests.append(render([ridge + 1 - i for i in range(ridge)] + [1] * (MAX_N - ridge)))
    return tests


def validate(text):
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 3, "expected two lines"
    n = int(lines[0])
    h = list(map(int, lines[1].split()))
    assert 1 <= n <= MAX_N and len(h) == n, "bad n"
    assert all(1 <= x <= MAX_H for x in h), "height out of range"
