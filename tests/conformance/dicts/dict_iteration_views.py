d = {"one": 1, "two": 2, "three": 3}
ks = d.keys()
vs = d.values()
its = d.items()
d["four"] = 4
print(ks)
print(vs)
print(its)
print(len(ks), "two" in ks, 2 in vs, ("one", 1) in its)
print(sorted(d, key=d.get), sorted(d.values(), reverse=True))
print(max(d, key=lambda k: d[k]), min(d.items(), key=lambda kv: kv[1]))
print(sum(d.values()))
print(list(reversed(list(d))))
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
