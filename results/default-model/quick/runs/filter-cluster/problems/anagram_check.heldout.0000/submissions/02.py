import sys
words = sys.stdin.read().split()
out = []
for s in words[0:]:
    s = s
    ok = all(s[i] == s[-1 - i] for i in range(len(s) // 2))
    out.append("YES" if ok else "NO")
print("\n".join(out))
