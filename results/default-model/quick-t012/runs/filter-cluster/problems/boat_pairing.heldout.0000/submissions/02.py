for _ in range(int(input())):
    n, k = map(int, input().split())
    a = list(map(int, input().split()))
    for i in range(n):
        if k > 0 and a[i] < 0:
            a[i] = -a[i]
            k -= 1
    print(sum(a) - (2 * min(a) if k % 2 else 0))
