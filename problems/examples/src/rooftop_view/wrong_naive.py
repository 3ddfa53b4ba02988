n = int(input())
h = list(map(int, input().split()))
total = 0
for i in range(n):
    j = i + 1
    while j < n and h[j] < h[i]:
        j += 1
    if j < n:
        total += j - i
    else:
        total += n - 1 - i
print(total)
