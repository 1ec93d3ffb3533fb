data = [("ann", (30, "nyc")), ("bob", (25, "sf"))]
for name, (age, city) in data:
    print(name, age, city)
((a, b), (c, d)) = [[1, 2], [3, 4]]
print(a, b, c, d)
[x, [y, [z]]] = [1, [2, [3]]]
print(x, y, z)
records = {"k1": [1, 2], "k2": [3, 4]}
for key, (lo, hi) in records.items():
    print(key, lo + hi)
