import sys

def find_order(n, cards):
    # Sort the cards
    cards.sort()

    # Try to find a permutation that satisfies the condition
    for i in range(n):
        if cards[i] == cards[(i + 1) % n]:
            # If two cards have the same number, return -1
            return -1

    # If no such permutation is found, return all cards in the order
    return cards

if __name__ == "__main__":
    n = int(input())
    cards = list(map(int, input().split()))

    order = find_order(n, cards)

    if order == -1:
        print(-1)
    else:
        print(order)
