import sys

def main():
    t = int(input())
    for _ in range(t):
        n = int(input())
        s = input()
        # Count the number of occurrences of each color
        count = {}
        for c in s:
            count[c] = count.get(c, 0) + 1

        # Count the number of lamps that are already pretty
        pretty_lamps = 0
        for c in count:
            if count[c] == 1:
                pretty_lamps += 1

        # Remove the minimum number of lamps to make the garland pretty
        min_removals = n - pretty_lamps

        # Print the result
        print(min_removals)

if __name__ == "__main__":
    main()
