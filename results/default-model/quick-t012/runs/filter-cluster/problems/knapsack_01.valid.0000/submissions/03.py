n, W = map(int, input().split())
items = list(zip(map(int, input().split()), map(int, input().split())))
dp = [0] * (W + 1)
for w, v in items:
    for c in range(W, w - 1, -1):
        dp[c] = max(dp[c], dp[c - w] + v)
print(dp[W])
