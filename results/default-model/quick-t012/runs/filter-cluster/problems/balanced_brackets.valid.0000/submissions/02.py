s = input().strip()
ok = all(s.count(a) == s.count(b) for a, b in ("()", "[]", "{}"))
print("YES" if ok else "NO")
