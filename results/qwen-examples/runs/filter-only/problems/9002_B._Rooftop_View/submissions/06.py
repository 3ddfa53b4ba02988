n = int(input())
h = list(map(int, input().split()))
v = [0] * n
for i in range(1, n):
    v[i] = h[i] - h[i - 1]
print(sum(v))
