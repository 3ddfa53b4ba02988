n, k = map(int, input().split())
a = sorted(set(map(int, input().split())))
print(a[k - 1])
