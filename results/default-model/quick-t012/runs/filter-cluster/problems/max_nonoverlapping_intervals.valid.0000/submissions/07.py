import sys
input = sys.stdin.readline


def solve():
    n = int(input())
    segs = [tuple(map(int, input().split())) for _ in range(n)]
    segs.sort(key=lambda s: s[1])
    ans, end = 0, -1
    for l, r in segs:
        if l > end:
            ans += 1
            end = r
    return ans


print(solve())
