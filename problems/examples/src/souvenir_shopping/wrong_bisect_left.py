from bisect import bisect_left

n, q = map(int, input().split())
p = sorted(map(int, input().split()))
pre = []
s = 0
for x in p:
    s += x
    pre.append(s)
b = list(map(int, input().split()))
res = []
for x in b:
    res.append(bisect_left(pre, x))
print("\n".join(map(str, res)))
