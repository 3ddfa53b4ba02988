import sys
input = sys.stdin.readline


def solve():
    n, m = map(int, input().split())
    a = sorted(map(int, input().split()))
    lo, hi, best = 0, n - 1, -1
    while lo < hi:
        if a[lo] + a[hi] > s:
            hi -= 1
        else:
            d += 1
    else:
            d.append(s)
