#include <iostream>
#include <vector>
#include <algorithm>

int main() {
    int n;
    std::cin >> n;

    // Read the pay for the day shifts
    std::vector<int> day_shifts(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> day_shifts[i];
    }

    // Read the pay for the night shifts
    std::vector<int> night_shifts(n);
    for (int i = 0; i < n; ++i) {
        std::cin >> night_shifts[i];
    }

    // Sort day shifts in descending order
    std::sort(day_shifts.begin(), day_shifts.end(), std::greater<int>());

    // Sort night shifts in ascending order
    std::sort(night_shifts.begin(), night_shifts.end());

    int total_coins = 0;
    int current_day = 0;
    int current_night = 0;

    for (int i = 0; i < n; ++i) {
        // Calculate the total coins earned
        total_coins += (day_shifts[current_day] * (current_night + 1)) +
                      (night_shifts[current_night] * current_day);

        // Move to the next day or night if the current day is not the last
        if (current_day < n - 1) {
            current_day++;
        } else if (current_night < n - 1) {
            current_night++;
        } else {
            break;
        }
    }

    std::cout << total_coins << std::endl;

    return 0;
}
