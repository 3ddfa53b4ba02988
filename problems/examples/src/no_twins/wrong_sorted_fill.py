from collections import Counter

n = int(input())
a = list(map(int, input().split()))
if max(Counter(a).values()) > (n + 1) // 2:
    print(-1)
else:
    a.sort()
    b = [0] * n
    idx = 0
    for i in range(0, n, 2):
        b[i] = a[idx]
        idx += 1
    for i in range(1, n, 2):
        b[i] = a[idx]
        idx += 1
    print(*b)
