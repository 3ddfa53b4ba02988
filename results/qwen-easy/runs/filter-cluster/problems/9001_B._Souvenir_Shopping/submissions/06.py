import sys

def solve():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Sort prices in descending order
    p.sort(reverse=True)

    # Iterate over each scenario
    for b_j in b:
        max_souvenirs = 0
        for p_i in p:
            if b_j >= p_i:
                max_souvenirs = max(max_souvenirs, max_souvenirs + 1)
        print(max_souvenirs)

solve()
