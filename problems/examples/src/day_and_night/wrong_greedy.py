n = int(input())
a = list(map(int, input().split()))
b = list(map(int, input().split()))
total = 0
last = ''
for i in range(n):
    if last == 'N':
        total += b[i]
        last = 'N'
    elif a[i] >= b[i]:
        total += a[i]
        last = 'D'
    else:
        total += b[i]
        last = 'N'
print(total)
