import sys

def main():
    n = int(input())
    h = list(map(int, input().split()))

    v = [0] * n
    for i in range(1, n):
        j = i + 1
        while j <= n and h[j] >= h[i]:
            j += 1
        v[i] = j - i

    result = sum(v)
    print(result)

if __name__ == "__main__":
    main()
