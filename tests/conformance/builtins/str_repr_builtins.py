for v in [1, 2.5, "s", [1, "a"], (1,), {"k": "v"}, None, True, b"b"]:
    print(str(v), repr(v))
print(str(), repr(""), str(""))
print(repr(repr("a")))
print(str(str))
