import sys

def is_pretty(s):
    n = len(s)
    for i in range(n):
        if s[i] == s[(i + 1) % n]:
            return False
    return True

def main():
    t = int(input())
    for _ in range(t):
        n = int(input())
        s = input()
        if is_pretty(s):
            print(0)
        else:
            print(1)

if __name__ == "__main__":
    main()
