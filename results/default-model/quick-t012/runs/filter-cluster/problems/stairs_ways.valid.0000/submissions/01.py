n, k = map(int, input().split())
M = 998244353
dp = [1] + [0] * n
window = 1  # dp[i - k] + ... + dp[i - 1]
for i in range(1, n + 1):
    dp[i] = window
    window += dp[i]
    if i >= k:
        window -= dp[i - k]
    window %= M
print(dp[n])
