data = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted("Hello World"), sorted("bca"))
print(sorted({"b": 1, "a": 2}), sorted({3, 1, 2}), sorted((2, 1)))
people = [("ann", 30), ("bob", 25), ("cy", 30), ("di", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
r = reversed([1, 2])
print(next(r), next(r), next(r, "done"))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
