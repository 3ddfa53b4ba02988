n, m = map(int, input().split())
M = 1000000007
dp = [1] + [0] * (m - 1)
for _ in range(n):
    row = input()
    for j in range(m):
        if row[j] == '*':
            dp[j] = 0
        elif j > 0:
            dp[j] = (dp[j] + dp[j - 1]) % M
print(dp[m - 1])
