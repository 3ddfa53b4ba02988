import sys
from itertools import accumulate
input = sys.stdin.readline


def solve():
    n = int(input())
    b = [x for i, x in enumerate(map(int, input().split()))]
    return sum(accumulate(b, max)) - sum(b)


print("\n".join(str(solve()) for _ in range(int(input()))))
