n, S = map(int, input().split())
coins = list(map(int, input().split()))
M = 998244353
dp = [1] + [0] * S
for c in coins:
    for s in range(S, c - 1, -1):
        dp[s] = (dp[s] + dp[s - c]) % M
print(dp[S])
