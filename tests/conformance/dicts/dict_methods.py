d = {"a": 1, "b": 2, "c": 3}
print(d.pop("b"), d)
print(d.pop("zz", "default"), d)
d["d"] = 4
print(d.popitem(), d)
print(d.setdefault("a", 100), d.setdefault("new", []), d)
d["new"].append(1)
d.update({"a": 0, "e": 5})
print(d)
d.update(f=6, g=7)
d.update([("h", 8)])
print(d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"], c["new"] is d["new"])
print(dict.fromkeys(["x", "y"]), dict.fromkeys("ab", 0), dict.fromkeys(range(3), []))
c.clear()
print(c, len(c))
