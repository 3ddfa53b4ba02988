import sys
from collections import deque
input = sys.stdin.readline
n, m = map(int, input().split())
g = [[] for _ in range(n + 1)]
for _ in range(m):
    a, b = map(int, input().split())
    g[a].append(b)
    g[b].append(a)
d = [0] * (n + 1)
d[1] = 1
q = deque([1])
while q:
    x = q.popleft()
    for y in g[x]:
        if not d[y]:
            d[y] = d[x] + 1
            q.append(y)
print(d[n] if d[n] else "NO")
