#include <iostream>
#include <vector>
#include <string>

int main() {
    // Read the input string s
    std::string s;
    std::cin >> s;

    // Read the string p
    std::string p;
    std::cin >> p;

    // Read the number of questions q
    int q;
    std::cin >> q;

    // Initialize a vector to store the number of imprints for each question
    std::vector<int> imprints(q, 0);

    // Read the imprints for each question
    for (int i = 0; i < q; ++i) {
        int l, r;
        std::cin >> l >> r;
        imprints[i] = std::max(0, r - l + 1);
    }

    // Output the results
    for (int i = 0; i < q; ++i) {
        std::cout << imprints[i] << std::endl;
    }

    return 0;
}
