import sys
data = sys.stdin.read().split()
n = int(data[0])
a = sorted(int(x) for x in data[1:n + 1])
best = max(a[0] * a[1], a[n - 1] * a[n - 2])
print(best)
