for _ in range(int(input())):
    n, s = map(int, input().split())
    a = list(map(int, input().split()))
    best = -1
    for i in range(n):
        for j in range(i + 1, n):
            if a[i] + a[j] <= s and a[i] + a[j] > best:
                best = a[i] + a[j]
    print(best if best >= 0 else "NO")
