// expect: CE
// 2 GiB of initialised data: the object file would be larger than the compiler may write.
int a[512 * 1024 * 1024] = {1, 2, 3};
int main() { return a[1]; }
