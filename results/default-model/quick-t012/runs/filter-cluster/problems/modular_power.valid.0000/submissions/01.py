a, b = map(int, input().split())
print(pow(a, b, 1000000007))
