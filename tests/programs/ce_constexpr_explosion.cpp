// expect: CE
// ~10^12 constant-evaluated steps: hits the compile time limit (or GCC's own ops limit) first.
constexpr long long spin(long long n) {
    long long s = 0;
    for (long long i = 0; i < n; i++)
        for (long long j = 0; j < 200000; j++) s += i ^ j;
    return s;
}
constexpr long long value = spin(200000);
int main() { return (int)value; }
