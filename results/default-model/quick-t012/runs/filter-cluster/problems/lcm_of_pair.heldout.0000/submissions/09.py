for _ in range(int(input())):
    n, m = [int(v) for v in input().split()]
    # Rows alternate: odd rows start with the corner's color.
    corner = ((n + 1) // 2) * ((m + 1) // 2) + (n // 2) * (m // 2)
    print(corner)
