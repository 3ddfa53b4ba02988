import sys
import math

# Read input
input_line = input().strip()
input_string = input_line.lower()
input_string_length = len(input_string)
input_string_p = input_string[-1]
input_string_length_p = len(input_string_p)

# Read input
input_line = input().strip()
input_string_s = input_line.lower()
input_string_length_s = len(input_string_s)
input_string_q = int(input_line)

# Read input
input_line = input().strip()
input_string_imprints = input_line.split()

# Process each question
for question in range(input_q):
    l_j, r_j = map(int, input_string_imprints[question])
    # Calculate the number of imprints
    num_imprints = r_j - l_j + 1
    # Output the number of imprints
    print(num_imprints)
