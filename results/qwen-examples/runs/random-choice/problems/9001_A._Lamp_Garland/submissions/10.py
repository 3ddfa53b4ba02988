import sys
import collections

def is_pretty(garland, n):
    for i in range(n):
        if garland[i] != garland[(i + 1) % n]:
            return False
    return True

def main():
    t = int(input())
    for _ in range(t):
        n = int(input())
        garland = input().strip()
        if is_pretty(garland, n):
            print(0)
        else:
            print(1)

if __name__ == "__main__":
    main()
