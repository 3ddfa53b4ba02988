import sys
input = sys.stdin.readline


def solve():
    n, x = map(int, input().split())
    a = sorted(map(int, input().split()), key=abs, reverse=True)
    for i, x in enumerate(a):
        if x < 0 and x:
            a[i] = -x
            k -= 1
    return sum(a)


print(solve())
