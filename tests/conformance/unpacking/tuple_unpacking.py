a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = [10, 20, 30]
print(x, y, z)
p, q = "hi"
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
[i, j] = (5, 6)
print(i, j)
k, = [7]
print(k)
for (u, v) in [(1, 2), (3, 4)]:
    print(u + v)
d = {"one": 1, "two": 2}
(k1, v1), (k2, v2) = d.items()
print(k1, v1, k2, v2)
