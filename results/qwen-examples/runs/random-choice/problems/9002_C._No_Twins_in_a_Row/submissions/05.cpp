#include <iostream>
#include <vector>
#include <unordered_set>

int main() {
    int n;
    std::cin >> n;

    if (n <= 0) {
        std::cout << -1 << std::endl;
        return 0;
    }

    std::vector<int> cards(n);
    std::vector<int> order(n);

    // Read the cards
    for (int i = 0; i < n; ++i) {
        std::cin >> cards[i];
    }

    // Use an unordered set to track seen numbers
    std::unordered_set<int> seenNumbers;

    // Iterate through the cards and assign them to the order
    for (int i = 0; i < n; ++i) {
        if (seenNumbers.find(cards[i]) == seenNumbers.end()) {
            order[i] = cards[i];
            seenNumbers.insert(cards[i]);
        } else {
            // If the card is already in the order, it's not possible to lay them out
            std::cout << -1 << std::endl;
            return 0;
        }
    }

    // Print the order
    for (int card : order) {
        std::cout << card << " ";
    }
    std::cout << std::endl;

    return 0;
}
