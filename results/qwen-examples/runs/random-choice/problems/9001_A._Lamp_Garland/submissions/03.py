import sys

def min_lamps_to_remove(n, s):
    # Count the number of red, green, and blue lamps
    red_count = s.count('R')
    green_count = s.count('G')
    blue_count = s.count('B')

    # Calculate the maximum number of removals needed
    removals = 0
    for i in range(1, n):
        if red_count > 0 and green_count > 0 and blue_count > 0:
            removals += 1
            red_count -= 1
            green_count -= 1
            blue_count -= 1

    return removals

def main():
    # Read the input
    t = int(input())
    for _ in range(t):
        n = int(input())
        s = input()

        # Calculate and print the minimum number of removals
        print(min_lamps_to_remove(n, s))

if __name__ == "__main__":
    main()
