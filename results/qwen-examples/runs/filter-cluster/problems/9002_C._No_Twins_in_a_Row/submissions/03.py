import sys

def can_place_cards(cards):
    n = len(cards)
    if n == 1:
        return True

    # Check if there is at least one card that is the same as the next one
    for i in range(n):
        if cards[i] == cards[(i + 1) % n]:
            return False

    return True

def main():
    # Read the input
    n = int(input())
    cards = list(map(int, input().split()))

    # Check if the cards can be placed in a row
    if not can_place_cards(cards):
        print(-1)
        return

    # Print the order of the cards
    print(' '.join(map(str, cards)))

if __name__ == "__main__":
    main()
