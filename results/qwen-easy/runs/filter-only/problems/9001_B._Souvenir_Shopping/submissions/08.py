import sys

def solve():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    dp = [[0 for _ in range(n + 1)] for _ in range(q + 1)]

    for i in range(1, n + 1):
        dp[1][i] = 1

    for i in range(2, q + 1):
        for j in range(1, n + 1):
            dp[i][j] = max(dp[i][j], dp[i - 1][j] + p[j - 1])

    for i in range(1, q + 1):
        print(dp[q][i])

solve()
