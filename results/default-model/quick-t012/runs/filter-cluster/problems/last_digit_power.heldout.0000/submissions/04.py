import sys

tokens = sys.stdin.read().split()
out = []
for n in tokens[1:]:
    ans = sum(ord(c) - 48 for c in n)
    out.append(str(ans))
print("\n".join(out))
