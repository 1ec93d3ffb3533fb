d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
del d["alpha"]
d["alpha"] = 0
print(d)
d["zeta"] = 99
print(list(d))
e = {3: "c", 1: "a", 2: "b"}
print(e, sorted(e), sorted(e.items()))
e.pop(3)
e[3] = "C"
print(e)
print({**e, 0: "zero", 1: "A"})
