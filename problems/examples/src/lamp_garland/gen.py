"""Test inputs for Lamp Garland: hand-made corner cases, random small cases and one maximum test."""

import random

MAX_T = 10**4
MAX_SUM_N = 2 * 10**5


def render(cases):
    lines = [str(len(cases))]
    for s in cases:
        lines += [str(len(s)), s]
    return "\n".join(lines) + "\n"


def random_garland(rng, n, colours="RGB", stickiness=0.0):
    s = [rng.choice(colours)]
    for _ in range(n - 1):
        s.append(s[-1] if rng.random() < stickiness else rng.choice(colours))
    return "".join(s)


def private_inputs():
    rng = random.Random(9001_1)
    tests = []
    # corner cases: single lamps, one colour, equal ends that only meet around the circle
    tests.append(render(["R", "G", "B", "RR", "RG", "BBB", "RGB", "RGR", "RRGR", "GRRG"]))
    tests.append(render(["RGBR", "BRGB", "RRRRRRRRRR", "GBBBBG", "RGRGRGR", "BGBGBG"]))
    # every string over {R, G, B} of length 1..6
    every = []
    for n in range(1, 7):
        for code in range(3**n):
            s = []
            for _ in range(n):
                s.append("RGB"[code % 3])
                code //= 3
            every.append("".join(s))
    tests.append(render(every))
    # random small cases with long runs
    tests.append(render([random_garland(rng, rng.randint(1, 30), stickiness=0.6) for _ in range(500)]))
    tests.append(render([random_garland(rng, rng.randint(1, 12), colours="RG", stickiness=0.3) for _ in range(2000)]))
    # maximum number of test cases
    tests.append(render([random_garland(rng, 20, stickiness=0.5) for _ in range(MAX_T)]))
    # maximum n: one long garland whose ends have the same colour
    long = random_garland(rng, MAX_SUM_N - 2, stickiness=0.5)
    tests.append(render(["G" + long + "G"]))
    # maximum n, one colour
    tests.append(render(["B" * MAX_SUM_N]))
    # two big garlands: many runs, and the same colour everywhere except one lamp
    tests.append(render([random_garland(rng, 10**5, stickiness=0.9), "R" * 50000 + "G" + "R" * 49999]))
    return tests


def validate(text):
    lines = text.split("\n")
    assert lines[-1] == "", "missing final newline"
    lines = lines[:-1]
    t = int(lines[0])
    assert 1 <= t <= MAX_T, "t out of range"
    assert len(lines) == 1 + 2 * t, "wrong number of lines"
    total = 0
    for i in range(t):
        n = int(lines[1 + 2 * i])
        s = lines[2 + 2 * i]
        assert 1 <= n <= MAX_SUM_N and len(s) == n, f"case {i + 1}: bad n"
        assert set(s) <= set("RGB"), f"case {i + 1}: bad letters"
        total += n
    assert total <= MAX_SUM_N, "sum of n too large"
