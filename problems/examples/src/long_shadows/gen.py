"""Test inputs for Long Shadows: nested and touching shadows, towers at one point, extreme angles, maximum n."""

import random

MAX_N = 5 * 10**4
MAX_X = 10**9
MAX_H = 10**6


def render(alpha, towers):
    return f"{len(towers)} {alpha}\n" + "".join(f"{x} {h}\n" for x, h in towers)


def private_inputs():
    rng = random.Random(9001_4)
    tests = []
    tests.append(render(89, [(MAX_X, 1)]))  # one tiny shadow at the far end
    tests.append(render(1, [(0, MAX_H)]))  # the longest possible shadow
    tests.append(render(45, [(0, 10), (2, 1), (5, 2), (20, 1)]))  # short shadows inside a long one, sorted input
    tests.append(render(60, [(7, 3), (7, 9), (7, 1), (0, 2), (3, 5)]))  # towers at one point, unsorted
    tests.append(render(45, [(4, 2), (0, 4), (6, 1), (10, 3)]))  # touching shadows, unsorted
    towers = [(rng.randint(0, 100), rng.randint(1, 30)) for _ in range(40)]
    tests.append(render(rng.randint(10, 80), towers))
    # sorted by position, many nested shadows: tall towers followed by short ones
    xs = sorted(rng.sample(range(0, 10**6), 2000))
    tests.append(render(20, [(x, rng.choice([1, 2, 3, 5000, 20000])) for x in xs]))
    # maximum n, random positions over the whole street
    towers = [(rng.randint(0, MAX_X), rng.randint(1, MAX_H)) for _ in range(MAX_N)]
    tests.append(render(3, towers))
    # maximum n, crowded street: heavy overlaps, shuffled order
    towers = [(rng.randint(0, 10**7), rng.randint(1, MAX_H)) for _ in range(MAX_N)]
    tests.append(render(1, towers))
    # sorted positions with shadows that alternately nest and leave gaps
    xs = sorted(rng.sample(range(0, MAX_X + 1), 2 * 10**4))
    tests.append(render(45, [(x, MAX_H if i % 10 == 0 else rng.randint(1, 100)) for i, x in enumerate(xs)]))
    return tests


def validate(text):
    lines = text.split("\n")
    assert lines[-1] == "", "missing final newline"
    n, alpha = map(int, lines[0].split())
    assert 1 <= n <= MAX_N and 1 <= alpha <= 89, "n or alpha out of range"
    assert len(lines) == n + 2, "wrong number of lines"
    for line in lines[1:1 + n]:
        x, h = map(int, line.split())
        assert 0 <= x <= MAX_X and 1 <= h <= MAX_H, f"bad tower {line}"
