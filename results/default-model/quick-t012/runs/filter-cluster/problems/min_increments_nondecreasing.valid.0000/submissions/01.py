import sys
from itertools import accumulate
input = sys.stdin.readline


def solve():
    n = int(input())
    b = [x - i for i, x in enumerate(map(int, input().split()))]
    return sum(accumulate(b, max)) - sum(b)


print(solve())
