n = int(input())
a = list(map(int, input().split()))
print(sum(max(0, a[i - 1] + 1 - a[i]) for i in range(1, n)))
