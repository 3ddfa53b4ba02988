import sys

def main():
    for _ in range(int(input())):
        n = int(input())
        s = input()
        # Count the number of red, green, and blue lamps
        red, green, blue = s.count('R'), s.count('G'), s.count('B')

        # Calculate the number of lamps to remove
        remove = max(red, green, blue)

        # Output the minimum number of lamps to remove
        print(remove)

if __name__ == "__main__":
    main()
