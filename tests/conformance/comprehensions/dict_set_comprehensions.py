print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 4 for x in range(20)})
print({n: [d for d in range(1, n + 1) if n % d == 0] for n in [6, 7, 12]})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({w[0]: len([v for v in words if v[0] == w[0]]) for w in words})
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
