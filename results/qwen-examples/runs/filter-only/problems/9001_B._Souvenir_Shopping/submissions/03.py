import sys

def main():
    # Read input
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Initialize variables
    max_souvenirs = 0
    # Iterate over each scenario
    for b_j in b:
        # Iterate over each souvenir
        for i in range(n):
            if p[i] <= b_j:
                # Update the maximum number of souvenirs if the current scenario allows
                max_souvenirs = max(max_souvenirs, i + 1)

    # Output the result
    print(max_souvenirs)

if __name__ == "__main__":
    main()
