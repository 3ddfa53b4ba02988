# expect: OK stdout=15
n = int(input())
print(sum(map(int, input().split())))
