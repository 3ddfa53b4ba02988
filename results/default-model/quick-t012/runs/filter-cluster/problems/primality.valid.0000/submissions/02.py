from math import isqrt

n = int(input())
ans = n
for d in range(2, isqrt(n) + 1):
    if n % d == 0:
        ans = d
        break
print("YES" if n > 1 and ans == n else "NO")
