s = input().strip()
parts = []
i = 0
while i < len(s):
    j = i
    while j < len(s) and s[j] == s[i]:
        j += 1
    c, k = s[i], j - i
    parts.append(f"{c}{k}")
    i = j
print("".join(parts))
