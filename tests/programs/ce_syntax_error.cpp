// expect: CE
int main() { return 0 }
