import math

n, a = map(int, input().split())
c = 1 / math.tan(math.radians(a))
seg = []
for _ in range(n):
    x, h = map(int, input().split())
    seg.append((x, x + h * c))
seg.sort()
ans = 0
cl, cr = seg[0]
for l, r in seg[1:]:
    if l <= cr:
        cr = r
    else:
        ans += cr - cl
        cl, cr = l, r
ans += cr - cl
print("%.9f" % ans)
