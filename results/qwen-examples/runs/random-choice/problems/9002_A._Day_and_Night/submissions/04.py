import sys

def main():
    # Read input
    n = int(sys.stdin.readline())
    a = list(map(int, sys.stdin.readline().split()))
    b = list(map(int, sys.stdin.readline().split()))

    # Initialize variables
    max_coins = 0

    # Iterate through each day
    for i in range(n):
        # Calculate the total coins for the day shift
        total_coins_day = a[i] + b[i]

        # Update the maximum coins
        max_coins = max(max_coins, total_coins_day)

    # Print the maximum total coins
    print(max_coins)

if __name__ == "__main__":
    main()
