"""Test inputs for Pairs with a Given LCM: primes and prime squares near the limit, a large leftover prime,
highly composite numbers, powers of two."""

MAX_N = 10**12


def is_prime(x):
    if x < 2:
        return False
    if x % 2 == 0:
        return x == 2
    d = 3
    while d * d <= x:
        if x % d == 0:
            return False
        d += 2
    return True


def prime_below(x):
    while not is_prime(x):
        x -= 1
    return x


def private_inputs():
    big_prime = prime_below(MAX_N)  # 999999999989
    root_prime = prime_below(10**6)  # 999983
    second_root_prime = prime_below(root_prime - 1)  # 999979
    numbers = [
        2,
        30,  # three distinct primes; the last one is left over after trial division
        12,
        big_prime,
        root_prime**2,  # a prime square: trial division must go up to the root itself
        root_prime * second_root_prime,  # two primes just below 10^6
        2 * prime_below(MAX_N // 2),  # a small prime times a huge one
        963761198400,  # 2^6 * 3^4 * 5^2 * 7 * 11 * 13 * 17 * 19 * 23: the most divisors below 10^12
        MAX_N,  # 2^12 * 5^12
        2**39,
        9973**3,
        2 * 3 * 49,  # 294: the last prime appears squared
    ]
    return [f"{x}\n" for x in numbers]


def validate(text):
    assert text.count("\n") == 1, "expected one line"
    n = int(text)
    assert 1 <= n <= MAX_N, "n out of range"
