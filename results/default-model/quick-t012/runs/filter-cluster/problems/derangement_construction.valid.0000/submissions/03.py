import sys
input = sys.stdin.readline


def solve():
    n = int(input())
    if n == 1:
        return "-1"
    p = list(range(1, n + 1))
    for i in range(0, n - 1, 2):
        p[i], p[i + 1] = p[i + 1], p[i]
    if n % 2:
        p[-1], p[-2] = p[-2], p[-1]
    return " ".join(map(str, p))


print("\n".join(str(solve()) for _ in range(int(input()))))
