import sys
vals = sys.stdin.read().split()
n = int(vals[0])
k = int(vals[1])
MOD = 998244353
pre = [0, 1]
for i in range(1, n + 1):
    pre.append((2 * pre[i] - pre[max(0, i - k)]) % MOD)
print((pre[n + 1] - pre[n]) % MOD)
