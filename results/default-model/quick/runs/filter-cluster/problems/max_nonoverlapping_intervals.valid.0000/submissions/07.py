n = int(input())
segs = sorted((tuple(map(int, input().split())) for _ in range(n)), key=lambda s: s[1])
cnt, last = 0, -1
for l, r in segs:
    if l > last:
        cnt += 1
        last = r
print(cnt)
