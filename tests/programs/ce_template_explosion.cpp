// expect: CE
// Unbounded instantiation depth: GCC stops at -ftemplate-depth.
template <int N> struct Boom { static const long long value = Boom<N + 1>::value + Boom<N + 2>::value; };
int main() { return (int)Boom<0>::value; }
