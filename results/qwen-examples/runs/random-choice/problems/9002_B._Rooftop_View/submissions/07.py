import sys

def solve(n, h):
    v = [0] * n
    v[0] = h[0]

    for i in range(1, n):
        v[i] = max(v[i - 1], h[i])

    return sum(v)

def main():
    n = int(input())
    h = list(map(int, input().split()))

    answer = solve(n, h)

    print(answer)

if __name__ == "__main__":
    main()
