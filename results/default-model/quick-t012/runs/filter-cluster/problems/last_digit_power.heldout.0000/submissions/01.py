import sys

tokens = sys.stdin.read().split()
out = []
for n in tokens:
    ans = sum(ord(c) - 48 for c in n)
    ans = 1 + (ans - 1) % 9
    out.append(str(ans))
print("\n".join(out))
