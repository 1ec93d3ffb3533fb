f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f)
print(frozenset(), type(f).__name__)
g = frozenset({1, 2})
print(g <= f, g | {9}, type(g | {9}).__name__, type({9} | g).__name__)
d = {f: "frozen"}
print(d[frozenset([1, 2, 3])])
print(f == {1, 2, 3}, {f: 1}[frozenset([3, 2, 1])])
s = {frozenset([1]), frozenset([1])}
print(len(s))
