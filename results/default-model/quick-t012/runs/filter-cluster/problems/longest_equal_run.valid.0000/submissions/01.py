from itertools import groupby
for _ in range(int(input())):
    s = input().strip()
    best, start, i = 0, 0, 0
    for ch, g in groupby(s):
        k = len(list(g))
        if k > best:
            best, start = k, i
        i += k
    print(best)
