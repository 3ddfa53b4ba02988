def solve(n, a, b):
    # Sort the array to ensure that we process the shifts in the correct order
    a.sort()
    b.sort()

    # Initialize the maximum total pay to 0
    max_total_pay = 0

    # Iterate through the days and calculate the total pay
    for i in range(n):
        # If the current day is not the last day, add the pay from the day shift
        if i < n - 1:
            max_total_pay += a[i]
        # If the current day is the last day, add the pay from the night shift
        else:
            max_total_pay += b[i]

    # Print the maximum total pay
    print(max_total_pay)

# Read input
n = int(input())
a = list(map(int, input().split()))
b = list(map(int, input().split()))

# Call the function and print the result
solve(n, a, b)
