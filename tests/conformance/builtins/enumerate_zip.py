for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("xy", start=1):
    print(i, ch)
print(list(enumerate([10, 20], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
names = ["a", "b", "c"]
ages = [1, 2, 3]
print(dict(zip(names, ages)))
for n, a in zip(names, ages):
    print(n, a, end="; ")
print()
pairs = list(zip(*[(1, "x"), (2, "y")]))
print(pairs)
