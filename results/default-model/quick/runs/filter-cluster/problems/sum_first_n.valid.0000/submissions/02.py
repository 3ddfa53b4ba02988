import sys

tokens = sys.stdin.read().split()
out = []
for n in tokens:
    n = int(n)
    half, other = (n // 2, n + 1) if n % 2 == 0 else (n, (n + 1) // 2)
    ans = half * other
    out.append(str(ans))
print("\n".join(out))
