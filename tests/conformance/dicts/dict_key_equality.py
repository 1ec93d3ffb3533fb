d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
e = {True: "t"}
e[1] = "one"
print(e)
f = {0: "a", False: "b", 0.0: "c"}
print(f, len(f))
g = {(1, 2): "x"}
print(g[(1.0, 2.0)])
print({"a": 1} == {"a": 1.0}, {1: 2, 3: 4} == {3: 4, 1: 2})
