import sys

def main():
    # Read input
    t = int(input())
    for _ in range(t):
        n = int(input())
        s = input().strip()

        # Count the number of red and blue lamps
        red_count = s.count('R')
        blue_count = s.count('B')

        # If there are no red or blue lamps, the garland is already pretty
        if red_count == 0 or blue_count == 0:
            print(0)
            continue

        # If there are more red lamps than blue, remove the more red lamps
        if red_count > blue_count:
            for _ in range(red_count - blue_count):
                print(1)
        # If there are more blue lamps than red, remove the more blue lamps
        else:
            for _ in range(blue_count - red_count):
                print(1)

if __name__ == "__main__":
    main()
