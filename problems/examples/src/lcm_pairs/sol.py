def main():
    n = int(input())
    # For n = p1^e1 * ... * pk^ek, lcm(a, b) = n means that for every pi one of a, b has exactly ei factors pi
    # and the other has at most ei: 2 * ei + 1 ordered choices. Ordered pairs: the product; a = b only for (n, n).
    ordered = 1
    rest = n
    p = 2
    while p * p <= rest:
        if rest % p == 0:
            e = 0
            while rest % p == 0:
                rest //= p
                e += 1
            ordered *= 2 * e + 1
        p += 1 if p == 2 else 2
    if rest > 1:  # one prime factor larger than the square root is left
        ordered *= 3
    print((ordered + 1) // 2)


main()
