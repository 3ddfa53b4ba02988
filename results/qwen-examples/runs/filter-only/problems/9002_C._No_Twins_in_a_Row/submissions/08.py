import sys
import heapq

# Read the input
n = int(sys.stdin.readline())
cards = list(map(int, sys.stdin.readline().split()))

# Initialize a min-heap to store the cards
heap = []
for card in cards:
    heapq.heappush(heap, card)

# Check if there's a valid order
if len(heap) < 2:
    print(-1)
else:
    # Print the cards in the order
    while len(heap) > 1:
        card1 = heapq.heappop(heap)
        card2 = heapq.heappop(heap)
        print(card1, card2)
