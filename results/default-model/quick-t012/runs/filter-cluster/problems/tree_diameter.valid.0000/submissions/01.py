import sys
data = sys.stdin.buffer.read().split()
n = int(data[0])
m = n - 1
adj = [[] for _ in range(n + 1)]
for i in range(m):
    u, v = int(data[1 + 2 * i]), int(data[2 + 2 * i])
    adj[u].append((v, 1))
    adj[v].append((u, 1))

def far(s):
    dist = [-1] * (n + 1)
    dist[s] = 0
    queue = [s]
    for u in queue:
        for v, w in adj[u]:
            if dist[v] < 0:
                dist[v] = dist[u] + w
                queue.append(v)
    best = max(range(1, n + 1), key=dist.__getitem__)
    return best, dist[best]

print(far(far(1)[0])[1])
