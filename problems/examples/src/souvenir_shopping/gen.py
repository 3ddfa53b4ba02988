"""Test inputs for Souvenir Shopping: budgets that hit prefix sums exactly, totals beyond 32 bits, maximum sizes."""

import random
from itertools import accumulate

MAX_N = MAX_Q = 5 * 10**4
MAX_P = 10**9
MAX_B = 10**14


def render(prices, budgets):
    return f"{len(prices)} {len(budgets)}\n{' '.join(map(str, prices))}\n{' '.join(map(str, budgets))}\n"


def budgets_for(rng, prices, q, exact_share=0.3):
    """Budgets around the prefix sums of the sorted prices: exactly on one, just below, just above, or anywhere."""
    prefix = [0] + list(accumulate(sorted(prices)))
    out = []
    for _ in range(q):
        k = rng.randrange(len(prefix))
        roll = rng.random()
        if roll < exact_share:
            b = prefix[k]
        elif roll < exact_share + 0.2:
            b = prefix[k] - 1
        elif roll < exact_share + 0.4:
            b = prefix[k] + 1
        else:
            b = rng.randint(0, min(MAX_B, prefix[-1] + 10))
        out.append(min(MAX_B, max(0, b)))
    return out


def private_inputs():
    rng = random.Random(9001_2)
    tests = []
    tests.append(render([5], [0, 4, 5, 6, MAX_B]))  # one souvenir
    tests.append(render([1, 1, 1, 1], [0, 1, 2, 3, 4, 5]))  # equal prices, every budget hits a prefix sum
    tests.append(render([3, 1, 2], [6, 3, 1, 0, 5, 2]))
    small = [rng.randint(1, 20) for _ in range(8)]
    tests.append(render(small, budgets_for(rng, small, 40, exact_share=0.5)))
    mid = [rng.randint(1, 1000) for _ in range(300)]
    tests.append(render(mid, budgets_for(rng, mid, 300)))
    # totals above 2^31 but budgets below it: a 32-bit prefix wraps around and looks affordable
    big = [MAX_P - rng.randint(0, 10) for _ in range(20)]
    tests.append(render(big, budgets_for(rng, big, 50) + [2**31 - 1, 2**31, 2**32 + 5]))
    # maximum n and q with large prices
    prices = [rng.randint(1, MAX_P) for _ in range(MAX_N)]
    tests.append(render(prices, budgets_for(rng, prices, MAX_Q)))
    # maximum n with small prices and many equal ones
    prices = [rng.randint(1, 50) for _ in range(MAX_N)]
    tests.append(render(prices, budgets_for(rng, prices, 10**4, exact_share=0.5)))
    # all prices maximal: the total 5 * 10^13 needs 64 bits
    prices = [MAX_P] * MAX_N
    tests.append(render(prices, budgets_for(rng, prices, 1000) + [MAX_B, MAX_N * MAX_P, MAX_N * MAX_P - 1]))
    return tests


def validate(text):
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 4, "expected three lines"
    n, q = map(int, lines[0].split())
    assert 1 <= n <= MAX_N and 1 <= q <= MAX_Q, "n or q out of range"
    prices = list(map(int, lines[1].split()))
    budgets = list(map(int, lines[2].split()))
    assert len(prices) == n and len(budgets) == q, "wrong counts"
    assert all(1 <= p <= MAX_P for p in prices), "price out of range"
    assert all(0 <= b <= MAX_B for b in budgets), "budget out of range"
