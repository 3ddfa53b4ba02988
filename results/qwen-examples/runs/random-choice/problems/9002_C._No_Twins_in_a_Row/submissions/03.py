import sys

def find_order(n, cards):
    # Create a list to keep track of the cards
    card_list = cards[:]
    # Sort the cards
    card_list.sort()
    # Create a list to store the result
    result = []
    # Iterate through the cards
    for i in range(n):
        # Check if the current card is different from the previous one
        if card_list[i] != card_list[i-1]:
            # Add the current card to the result
            result.append(card_list[i])
    # Return the result
    return result

# Read input from standard input
input_line = input()
input_data = list(map(int, input_line.split()))

# Find the order of the cards
order = find_order(len(input_data), input_data)

# Print the order
if order:
    print(" ".join(map(str, order)))
else:
    print(-1)
