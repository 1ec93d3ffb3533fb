d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d))
print(d["b"], d.get("z"), d.get("z", 0), d.get("a", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print("a" in d, "z" in d, 10 in d)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
print(dict(), {})
print(dict(x=1, y=2), dict([("p", 1), ("q", 2)]), dict(zip("ab", [1, 2])))
print({1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?"})
