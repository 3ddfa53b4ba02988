import sys
data = sys.stdin.buffer.read().split()
t, pos = 1, 0
res = []
for _ in range(t):
    n = int(data[pos])
    s, lo, best = 0, 0, -10**30
    for v in data[pos + 1:pos + 1 + n]:
        s += int(v)
        lo = min(lo, s)
        best = max(best, s - lo)
    res.append(best)
    pos += n + 1
print("\n".join(map(str, res)))
