import sys
input = sys.stdin.read

def main():
    n = int(input())
    a = list(map(int, input().split()))
    b = list(map(int, input().split()))

    max_pay = 0

    for i in range(n):
        if i + 1 < n:
            max_pay = max(max_pay, a[i] + b[i + 1])
        if i + 1 == n:
            max_pay = max(max_pay, a[i])

    print(max_pay)

if __name__ == "__main__":
    main()
