import sys
input = sys.stdin.readline


def solve():
    n = int(input())
    a = sorted(map(int, input().split()))
    b = [x for i, x in enumerate(a) if i == 0 or x != a[i - 1]]
    return len(b)


print(solve())
