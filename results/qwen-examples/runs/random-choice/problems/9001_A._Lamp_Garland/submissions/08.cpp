#include <iostream>
#include <vector>
#include <string>

int main() {
    int t;
    std::cin >> t;

    for (int i = 0; i < t; ++i) {
        int n;
        std::cin >> n;

        std::string s;
        std::cin >> s;

        int redCount = 0;
        int blueCount = 0;

        for (int i = 0; i < n; ++i) {
            if (s[i] == 'R') {
                redCount++;
            } else if (s[i] == 'B') {
                blueCount++;
            }
        }

        if (redCount < 2 || blueCount < 2) {
            std::cout << 0 << std::endl;
            continue;
        }

        // The garland can be divided into two regions
        int regions = 2;
        if (redCount % 2 == 1) {
            regions++;
        }
        if (blueCount % 2 == 1) {
            regions++;
        }

        // The garland must be divided into two regions
        int
