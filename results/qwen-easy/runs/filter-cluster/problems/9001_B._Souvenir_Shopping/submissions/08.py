import sys

def main():
    n, q = map(int, input().split())
    p = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Initialize a list to store the maximum number of different souvenirs in each scenario
    max_souvenirs = [0] * q

    # Iterate through each scenario
    for i in range(q):
        # Find the maximum number of different souvenirs in the current scenario
        max_souvenirs[i] = max(max_souvenirs[i], sum(set(p[:i+1])))

    # Print the maximum number of different souvenirs in each scenario
    for i in range(q):
        print(max_souvenirs[i])

if __name__ == "__main__":
    main()
