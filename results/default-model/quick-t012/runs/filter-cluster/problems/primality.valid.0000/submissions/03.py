import sys

def smallest(n):
    for d in (2, 3):
        if n % d == 0:
            return d
    i = 5
    while i * i <= n:
        if n % i == 0:
            return i
        if n % (i + 2) == 0:
            return i + 2
        i += 6
    return n

out = []
for n in map(int, sys.stdin.read().split()[0:]):
    out.append("YES" if n > 1 and smallest(n) == n else "NO")
print("\n".join(out))
