import sys
data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
g = data[2:]
MOD = 1000000007
ways = [[0] * m for _ in range(n)]
ways[0][0] = 0 if g[0][0] == '#' else 1
for i in range(n):
    for j in range(m):
        if g[i][j] == '*' or (i == 0 and j == 0):
            continue
        up = ways[i - 1][j] if i else 0
        left = ways[i][j - 1] if j else 0
        ways[i][j] = (up + left) % MOD
print(ways[n - 1][m - 1])
