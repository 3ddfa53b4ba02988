"""Test inputs for No Twins in a Row: one card, a value filling exactly half (rounded up), traps for filling in
sorted order, impossible cases and maximum n."""

import random

MAX_N = 10**5
MAX_A = 10**9


def render(a):
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


def with_dominant(rng, n, count, others, high=MAX_A):
    """n cards: `count` copies of one value, the rest drawn from `others` other values up to `high`; shuffled."""
    top = rng.randint(1, high)
    pool = [v for v in rng.sample(range(1, high + 1), others + 1) if v != top][:others]
    a = [top] * count + [rng.choice(pool) for _ in range(n - count)]
    rng.shuffle(a)
    return a


def private_inputs():
    rng = random.Random(9002_3)
    tests = []
    tests.append(render([1000000000]))  # one card
    tests.append(render([5, 5]))  # impossible
    tests.append(render([1, 2, 1]))  # odd n, a value filling (n + 1) / 2 places
    tests.append(render([1, 2, 2, 2, 3]))  # sorted filling puts the twos next to each other
    tests.append(render([3, 1, 3, 2, 3, 1, 3, 2, 3]))
    tests.append(render([rng.randint(1, 4) for _ in range(20)]))
    tests.append(render(with_dominant(rng, 1001, 501, 3)))
    tests.append(render(with_dominant(rng, 1000, 501, 50)))  # impossible by one card
    # many values, each a few times, large numbers
    tests.append(render([rng.randint(1, 3000) * 333333 for _ in range(5000)]))
    # maximum n, odd, a value filling exactly half the places rounded up
    tests.append(render(with_dominant(rng, MAX_N - 1, MAX_N // 2, 2, high=999)))
    # maximum n with a few hundred distinct values, several of them frequent
    values = [rng.randint(1, 999) for _ in range(300)]
    weights = [rng.random() ** 4 for _ in values]
    tests.append(render(rng.choices(values, weights, k=MAX_N)))
    # maximum n, impossible
    tests.append(render(with_dominant(rng, MAX_N, MAX_N // 2 + 1, 10, high=999)))
    return tests


def validate(text):
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 3, "expected two lines"
    n = int(lines[0])
    a = list(map(int, lines[1].split()))
    assert 1 <= n <= MAX_N and len(a) == n, "bad n"
    assert all(1 <= x <= MAX_A for x in a), "value out of range"
