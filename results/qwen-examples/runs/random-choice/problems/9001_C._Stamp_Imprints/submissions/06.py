import sys

def main():
    # Read the input
    s = input().strip()
    p = input().strip()
    q = int(input())

    # Read the questions
    for _ in range(q):
        l, r = map(int, input().strip().split())

        # Check if the segment is completely inside the string
        if l <= r and l + len(p) - 1 <= r:
            print(1)
        else:
            print(0)

if __name__ == "__main__":
    main()
