from collections import Counter
for _ in range(int(input())):
    cnt = Counter(input().strip())
    top = max(cnt.values())
    best = max(c for c in cnt if cnt[c] == top)
    print(best, cnt[best])
