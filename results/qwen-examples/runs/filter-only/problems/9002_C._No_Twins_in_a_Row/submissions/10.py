import sys

def can_lay_cards(cards):
    # Count the occurrences of each number
    counts = {}
    for card in cards:
        if card in counts:
            counts[card] += 1
        else:
            counts[card] = 1

    # Check if any number appears more than twice
    for count in counts.values():
        if count > 2:
            return False

    # Check if the cards can be arranged in a row
    n = len(cards)
    if n % 2 == 0:
        # If the number of cards is even, they can be arranged in a row
        return True
    else:
        # If the number of cards is odd, they cannot be arranged in a row
        return False

def print_order(cards):
    if not can_lay_cards(cards):
        print(-1)
        return

    # Sort the cards
    cards.sort()

    # Print the order
    print(*cards)

def main():
    # Read the input
    n = int(sys.stdin.readline())
    cards = list(map(int, sys.stdin.readline().split()))

    # Print the order
    print_order(cards)

if __name__ == "__main__":
    main()
