import math

def lcm(a, b):
    return abs(a * b) // math.gcd(a, b)

def count_pairs(n):
    count = 0
    for i in range(1, n + 1):
        for j in range(i, n + 1):
            if lcm(i, j) == n:
                count += 1
    return count

if __name__ == "__main__":
    n = int(input())
    print(count_pairs(n))
