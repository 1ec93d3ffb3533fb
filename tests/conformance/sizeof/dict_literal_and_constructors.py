import sys
g = sys.getsizeof
print(g({}), g(dict()))
print(g({"a": 1}), g(dict(a=1, b=2, c=3)))
print(g({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}))
print(g(dict.fromkeys(range(10))), g({i: i for i in range(10)}))
print(g(dict.fromkeys("abcdefgh")), g({c: 0 for c in "abcdefgh"}))
print(g(dict(zip(range(5), range(5)))), g(dict([(1, 2)])))
print(g({1: 1, 2: 2}), g({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}))
