"""Checker for "No Twins in a Row": accepts any rearrangement of the cards with no equal neighbours, or -1 exactly
when the jury found no arrangement. Usage: checker.py input expected output; exit 0 accepts, 1 rejects (the reason
is printed), 3 means the jury's answer is inconsistent."""

import re
import sys
from collections import Counter

MAX_OUTPUT_BYTES = 1 << 24
INTEGER = re.compile(rb"[+-]?\d{1,20}")


def reject(reason):
    print(reason)
    sys.exit(1)


def main():
    with open(sys.argv[1], "rb") as f:
        tokens = f.read().split()
    n = int(tokens[0])
    cards = [int(t) for t in tokens[1:1 + n]]
    with open(sys.argv[2], "rb") as f:
        jury_impossible = f.read().split() == [b"-1"]
    with open(sys.argv[3], "rb") as f:
        output = f.read(MAX_OUTPUT_BYTES + 1)
    if len(output) > MAX_OUTPUT_BYTES:
        reject("output is too long")
    answer = output.split()
    if not answer:
        reject("empty output")
    if answer == [b"-1"]:
        if jury_impossible:
            sys.exit(0)
        reject("printed -1, but an arrangement exists")
    if len(answer) != n:
        reject(f"expected {n} numbers, found {len(answer)} tokens")
    for index, token in enumerate(answer):
        if not INTEGER.fullmatch(token):
            reject(f"token {index + 1} is not an integer: {token[:20]!r}")
    values = [int(t) for t in answer]
    if Counter(values) != Counter(cards):
        reject("the numbers printed are not a rearrangement of the cards")
    for i in range(n - 1):
        if values[i] == values[i + 1]:
            reject(f"cards {i + 1} and {i + 2} both show {values[i]}")
    if jury_impossible:
        print("valid arrangement, but the jury's answer is -1")
        sys.exit(3)
    sys.exit(0)


if __name__ == "__main__":
    main()
