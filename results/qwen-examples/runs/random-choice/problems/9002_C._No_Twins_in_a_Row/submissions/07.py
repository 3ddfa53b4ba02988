import sys

def can_form_sequence(n, cards):
    # Sort the cards
    cards.sort()

    # Check if the sequence is valid
    for i in range(n):
        if cards[i] == cards[(i + 1) % n]:
            return False

    return True

def find_sequence(n, cards):
    if not can_form_sequence(n, cards):
        return -1

    # Initialize the result list
    result = [cards[0]]

    # Find the next valid card
    for i in range(1, n):
        if cards[i] != cards[(i + 1) % n]:
            result.append(cards[i])

    return result

def main():
    n = int(input())
    cards = list(map(int, input().split()))

    sequence = find_sequence(n, cards)

    if sequence == -1:
        print(-1)
    else:
        print(" ".join(map(str, sequence)))

if __name__ == "__main__":
    main()
