import sys
input = sys.stdin.readline


def solve():
    n, s = map(int, input().split())
    a = sorted(map(int, input().split()))
    lo, hi, best = 0, n - 1, -1
    while lo < hi:
        if a[lo] + a[hi] > s:
            hi -= 1
        else:
            best = max(best, a[lo] + a[hi])
            lo += 1
    return best if best >= 0 else "NO"


print("\n".join(str(solve()) for _ in range(int(input()))))
