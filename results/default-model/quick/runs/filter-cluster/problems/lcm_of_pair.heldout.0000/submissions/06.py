for _ in range(int(input())):
    n, k = map(int, input().split())
    print((n + 1 + 1) // 2)
