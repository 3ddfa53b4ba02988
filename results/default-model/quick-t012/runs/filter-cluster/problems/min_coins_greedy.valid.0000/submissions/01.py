for _ in range(int(input())):
    n = int(input())
    cnt = 0
    for c in (100, 20, 10, 5, 1):
        cnt += n // c
        n %= c
    print(cnt)
