import sys

def max_coins(n, a, b):
    # Sort the shifts to make it easier to process
    a.sort()
    b.sort()

    # Calculate the maximum total pay
    max_pay = 0
    for i in range(n):
        max_pay += a[i] + b[i]

    return max_pay

if __name__ == "__main__":
    # Read input from standard input
    n = int(input())
    a = list(map(int, input().split()))
    b = list(map(int, input().split()))

    # Calculate and print the maximum total pay
    print(max_coins(n, a, b))
