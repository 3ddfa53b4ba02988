import sys

tokens = sys.stdin.read().split()
out = []
for n in tokens:
    n = int(n)
    ans = n % 2 * n - n // 2
    out.append(str(ans))
print("\n".join(out))
