import sys
res = []
for s in sys.stdin.read().split()[0:]:
    best = cur = 1
    at = 0
    for i in range(1, len(s)):
        cur = cur + 1 if s[i] == s[i - 1] else 1
        if cur > best:
            best, at = cur, i - cur + 1
    res.append(str(best))
print("\n".join(res))
