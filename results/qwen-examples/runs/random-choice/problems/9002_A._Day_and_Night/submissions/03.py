import sys

def max_coins(n, a, b):
    # Sort the days and shifts to make it easier to find the maximum total pay
    days = sorted(range(n))
    shifts = sorted(range(n))

    # Initialize the maximum total pay
    max_pay = 0

    # Iterate over the days and shifts
    for i in range(n):
        # Calculate the pay for the day shift
        pay_day = a[i]

        # Calculate the pay for the night shift
        pay_night = b[i]

        # Calculate the total pay for the current day shift
        total_pay_day = pay_day * (days[i] + 1)

        # Calculate the total pay for the current night shift
        total_pay_night = pay_night * (shifts[i] + 1)

        # Update the maximum total pay
        max_pay = max(max_pay, total_pay_day + total_pay_night)

    # Print the maximum total pay
    print(max_pay)

if __name__ == "__main__":
    n = int(input())
    a = list(map(int, input().split()))
    b = list(map(int, input().split()))

    max_coins(n, a, b)
