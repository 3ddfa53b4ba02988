import sys
it = iter(map(int, sys.stdin.read().split()))
n, cap = next(it), next(it)
ws = [next(it) for _ in range(n)]
pairs = zip(ws, [next(it) for _ in range(n)])
best = [0] * (cap + 1)
for wt, val in pairs:
    if wt > cap:
        continue
    shifted = [b + val for b in best[:cap + 1 - wt]]
    best = best[:wt] + [max(a, b) for a, b in zip(best[wt:], shifted)]
print(max(best))
