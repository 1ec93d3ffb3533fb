import sys
g = sys.getsizeof
for n in [0, 1, 2, 3, 5, 8, 10]:
    print(n, g(list(range(n))), g([x for x in range(n)]), g(list(x for x in range(n))), g([0] * n), g(sorted(range(n))), g([*range(n)]))
e = []
e.extend(range(5))
print("extend empty", g(e))
f = [1, 2, 3]
f.extend(range(10))
print("extend non-empty", g(f))
src = list(range(10))
print("slices", g(src[:]), g(src[2:7]), g(src[::2]), g(src[:0]))
print("copy", g(src.copy()), g(list(src)), g(src + src), g(src * 2))
