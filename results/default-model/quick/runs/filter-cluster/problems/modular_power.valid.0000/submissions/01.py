import sys

def power(a, b, m):
    res = 1 % m
    a %= m
    while b:
        if b & 1:
            res = res * a % m
        a = a * a % m
        b >>= 1
    return res

vals = list(map(int, sys.stdin.read().split()))
start = 0
ans = [power(vals[i], vals[i + 1], 1000000007) for i in range(start, len(vals), 2)]
print("\n".join(map(str, ans)))
