// expect: RE
int main() { return 1; }
