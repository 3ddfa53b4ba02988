import sys
from bisect import bisect_right
input = sys.stdin.readline


def solve():
    n, x = map(int, input().split())
    a = sorted(map(int, input().split()))
    return sum(bisect_right(a, x - v, i + 1) - i - 1 for i, v in enumerate(a))


print(solve())
