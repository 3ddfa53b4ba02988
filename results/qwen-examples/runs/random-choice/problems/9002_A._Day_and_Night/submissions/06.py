import sys

def main():
    n = int(input())
    a = list(map(int, input().split()))
    b = list(map(int, input().split()))

    dp = [0] * (n + 1)
    dp[0] = 0

    for i in range(1, n + 1):
        dp[i] = max(dp[i - 1] + a[i - 1], dp[i - 2] + b[i - 1])

    print(dp[n])

if __name__ == "__main__":
    main()
