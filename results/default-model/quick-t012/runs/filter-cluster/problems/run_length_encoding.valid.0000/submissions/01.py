from itertools import groupby
s = input().strip()
print("".join(f"{ch}{k}" for ch, k in ((c, len(list(g))) for c, g in groupby(s))))
