n = int(input())
res = 1
i = 2
while i * i <= n:
    cnt = 0
    while n % i == 0:
        n //= i
        cnt += 1
    res *= 2 * cnt + 1
    i += 1
print((res + 1) // 2)
