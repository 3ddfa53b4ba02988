import sys
data = sys.stdin.read().split()
n, total = int(data[0]), int(data[1])
MOD = 998244353
w = [0] * (total + 1)
w[0] = 1
for c in map(int, data[2:2 + n]):
    for s in range(total - c, -1, -1):
        w[s + c] = (w[s + c] + w[s]) % MOD
print(w[total])
