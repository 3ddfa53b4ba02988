for _ in range(int(input())):
    n, m = map(int, input().split())
    print((n * m + 1) // 2)
