def lcm(a, b):
    return abs(a * b) // gcd(a, b)

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def main():
    n = int(input())
    count = 0
    for a in range(1, n + 1):
        for b in range(a, n + 1):
            if lcm(a, b) == n:
                count += 1
    print(count)

if __name__ == "__main__":
    main()
