for _ in range(int(input())):
    n, s = map(int, input().split())
    print((n + 1 + 1) // 2)
