for _ in range(int(input())):
    a, b, k = [int(x) for x in input().split()]
    cnt = b // k - (a - 1) // k
    print(cnt)
