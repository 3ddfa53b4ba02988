n, s = map(int, input().split())
need = n * (n - 1) // 2
if s < need:
    print("NO")
else:
    print("YES")
    print(*range(0, n - 1), s - need + n - 1)
