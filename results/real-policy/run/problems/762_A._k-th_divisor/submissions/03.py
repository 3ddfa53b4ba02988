def divisor(n, k):
    if k > n or n == 1:
        return -1
    divisors = []
    for i in range(1, int(n**0.5) + 1):
        if n % i == 0:
            divisors.append(i)
            if i != n // i:
                divisors.append(n // i)
    divisors.sort()
    return divisors[k - 1] if k - 1 < len(divisors) else -1

# Read input
n, k = map(int, input().split())

# Output the result
print(divisor(n, k))
