import sys

def main():
    n, q = map(int, input().split())
    prices = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Initialize variables
    max_souvenirs = 0
    max_souvenirs_found = 0

    # Iterate over each scenario
    for i in range(q):
        # Calculate the maximum number of souvenirs Tom can buy in this scenario
        max_souvenirs_found = max(max_souvenirs_found, sum(prices[:i+1]) <= b[i])

    # Output the maximum number of souvenirs Tom can buy in each scenario
    for i in range(q):
        print(max_souvenirs_found)

if __name__ == "__main__":
    main()
