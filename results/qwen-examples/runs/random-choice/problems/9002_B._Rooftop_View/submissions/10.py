import sys

def main():
    n = int(input())
    h = list(map(int, input().split()))
    v = [0] * (n + 1)

    for i in range(1, n + 1):
        if h[i] >= h[i - 1]:
            v[i] = v[i - 1] + 1
        else:
            v[i] = 0

    return sum(v)

if __name__ == "__main__":
    main()
