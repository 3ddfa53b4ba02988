import sys

def main():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Initialize the maximum number of different souvenirs Tom can buy
    max_souvenirs = 0

    # Iterate through each scenario
    for b_j in b:
        # Calculate the number of different souvenirs Tom can buy with b_j coins
        different_souvenirs = max(0, n - b_j)
        # Update the maximum number of different souvenirs
        max_souvenirs = max(max_souvenirs, different_souvenirs)

    # Print the maximum number of different souvenirs Tom can buy
    print(max_souvenirs)

if __name__ == "__main__":
    main()
