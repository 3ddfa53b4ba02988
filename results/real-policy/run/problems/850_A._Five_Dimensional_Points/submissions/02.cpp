#include <iostream>
#include <vector>
#include <cmath>
using namespace std;

#define EPS 1e-6

struct Point {
    int x, y, z, w, v;

    double operator*(const Point& other) const {
        return x * other.x + y * other.y + z * other.z + w * other.w + v * other.v;
    }

    double operator^(const Point& other) const {
        return x * other.z - y * other.w + z * other.v - w * other.x + v * other.y;
    }
};

int main() {
    int n;
    cin >> n;

    vector<Point> points(n);
    for (int i = 0; i < n; ++i) {
        cin >> points[i].x >> points[i].y >> points[i].z >> points[i].w >> points[i].v;
    }

    int goodPointsCount = 0;
    vector<int> goodPoints;

    for (int i = 0; i < n; ++i) {
        bool isGood = true;
        for (int j = 0; j < n; ++j) {
            if (i == j) continue;
            for (int k = 0; k < n; ++k) {
                if (i == j || j == k || k == i) continue;
                Point a = points[i], b = points[j], c = points[k];
                double angle = acos((a * b) / (sqrt(a * a) * sqrt(b * b)));
                if (angle > EPS) {
                    isGood = false;
                    break;
                }
            }
            if (!isGood) break;
        }
        if (isGood) {
            goodPointsCount++;
            goodPoints.push_back(i + 1);
        }
    }

    cout << goodPointsCount << endl;
    for (int i = 0; i < goodPointsCount; ++i) {
        cout << goodPoints[i] << endl;
    }

    return 0;
}
