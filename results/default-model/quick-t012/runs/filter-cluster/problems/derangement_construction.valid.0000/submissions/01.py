for _ in range(int(input())):
    n = int(input())
    if n == 1:
        print("-1")
    else:
        print(*range(2, n + 1), 1)
