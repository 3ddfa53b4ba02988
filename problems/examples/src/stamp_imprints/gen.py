"""Test inputs for Stamp Imprints: short segments, overlapping imprints, a stamp longer than the strip, maximum sizes."""

import random

MAX_N = 10**5
MAX_M = 10
MAX_Q = 5 * 10**4


def render(s, p, queries):
    lines = [s, p, str(len(queries))] + [f"{l} {r}" for l, r in queries]
    return "\n".join(lines) + "\n"


def stamped(rng, n, p, alphabet, density):
    """A random strip with the stamp pressed onto it at random places (imprints may overlap)."""
    s = [rng.choice(alphabet) for _ in range(n)]
    if len(p) <= n:
        for _ in range(int(n * density)):
            i = rng.randint(0, n - len(p))
            s[i:i + len(p)] = p
    return "".join(s)


def random_queries(rng, n, q, short_share=0.3, short_len=12):
    out = []
    for _ in range(q):
        if rng.random() < short_share:
            length = rng.randint(1, min(n, short_len))
            l = rng.randint(1, n - length + 1)
            out.append((l, l + length - 1))
        else:
            l, r = sorted((rng.randint(1, n), rng.randint(1, n)))
            out.append((l, r))
    return out


def private_inputs():
    rng = random.Random(9001_3)
    tests = []
    tests.append(render("a", "a", [(1, 1)]))
    tests.append(render("ab", "abc", [(1, 1), (1, 2), (2, 2)]))  # the stamp is longer than the strip
    s = "abcabcabc"
    tests.append(render(s, "abc", [(l, r) for l in range(1, 10) for r in range(l, 10)]))  # every segment
    s = "aaaaaaaaaaaa"
    tests.append(render(s, "aaaa", [(l, r) for l in range(1, 13) for r in range(l, 13)]))
    s = stamped(rng, 60, "abab", "ab", 0.1)
    tests.append(render(s, "abab", random_queries(rng, 60, 300, short_share=0.6, short_len=5)))
    p = "".join(rng.choice("xyz") for _ in range(MAX_M))
    s = stamped(rng, 2000, p, "xyz", 0.02)
    tests.append(render(s, p, random_queries(rng, 2000, 2000, short_share=0.5)))
    # maximum sizes: a periodic stamp whose imprints overlap a lot
    p = "abaabaabab"
    s = stamped(rng, MAX_N, p, "ab", 0.05)
    tests.append(render(s, p, random_queries(rng, MAX_N, MAX_Q)))
    # maximum sizes: one-letter stamp, and a strip of one letter with a 7-letter stamp
    s = stamped(rng, MAX_N, "q", "pq", 0.0)
    tests.append(render(s, "q", random_queries(rng, MAX_N, 2 * 10**4)))
    tests.append(render("z" * MAX_N, "zzzzzzz", random_queries(rng, MAX_N, 2 * 10**4, short_share=0.5)))
    return tests


def validate(text):
    lines = text.split("\n")
    assert lines[-1] == "", "missing final newline"
    s, p, q = lines[0], lines[1], int(lines[2])
    assert 1 <= len(s) <= MAX_N and s.isalpha() and s.islower() and s.isascii(), "bad s"
    assert 1 <= len(p) <= MAX_M and p.isalpha() and p.islower() and p.isascii(), "bad p"
    assert 1 <= q <= MAX_Q and len(lines) == 4 + q, "bad q"
    for line in lines[3:3 + q]:
        l, r = map(int, line.split())
        assert 1 <= l <= r <= len(s), f"bad segment {line}"
