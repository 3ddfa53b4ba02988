import sys
input = sys.stdin.readline


def solve():
    n, s = map(int, input().split())
    a = list(range(0, n - 1 + 1))
    if sum(a) > s:
        return "NO"
    a[-1] += s - sum(a)
    return "YES\n" + " ".join(map(str, a))


print(solve())
