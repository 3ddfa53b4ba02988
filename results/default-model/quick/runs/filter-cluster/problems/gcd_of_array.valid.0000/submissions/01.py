from math import gcd

for _ in range(int(input())):
    n = int(input())
    g = 0
    for x in map(int, input().split()):
        g = gcd(g, x)
    print(g)
