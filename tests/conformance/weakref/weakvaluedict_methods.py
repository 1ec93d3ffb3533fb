import weakref

class V:
    def __init__(self, n):
        self.n = n

vals = [V(i) for i in range(4)]
d = weakref.WeakValueDictionary({"a": vals[0], "b": vals[1]})
d.update(c=vals[2])
print(len(d), sorted(d))
print("setdefault existing:", d.setdefault("a", vals[3]).n)
print("setdefault new:", d.setdefault("d", vals[3]).n)
print("pop:", d.pop("a").n, "pop default:", d.pop("zz", "missing"))
k, v = d.popitem()
print("popitem gave a live value:", v is not None, len(d))
cp = d.copy()
print("copy type and len:", type(cp).__name__, len(cp))
refs = d.valuerefs()
print("valuerefs:", len(refs), all(r() is not None for r in refs))
del refs
print("values:", sorted(v.n for v in d.values()))
print(sorted(n for n in d) == sorted(d.keys()))
del v
vals.clear()
print("after values cleared:", len(d), len(cp))
