import sys
import heapq
from typing import List

def find_maximum_souvenirs(n: int, q: int, p: List[int], b: List[int]) -> List[int]:
    # Use a max-heap to store the prices in descending order
    max_heap = [-price for price in p]
    heapq.heapify(max_heap)

    # Initialize the result list
    result = []

    # Iterate over the budget scenarios
    for budget in b:
        # While the heap has enough money to cover the current budget
        while max_heap and budget > 0:
            # Add the largest available souvenir to the result
            result.append(max_heap[0])
            # Reduce the budget by the largest available souvenir
            budget -= max_heap[0]
            # Remove the largest available souvenir from the heap
            heapq.heappop(max_heap)

    # Return the result list
    return result

# Read input
n, q = map(int, input().split())
p = list(map(int, input().split()))
b = list(map(int, input().split()))

# Find the maximum number of souvenirs Tom can buy
result = find_maximum_souvenirs(n, q, p, b)

# Print the result
for i in result:
    print(i)
