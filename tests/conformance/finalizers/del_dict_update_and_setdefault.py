class V:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del V", self.n)

d = {}
d["x"] = V(1)
print("update replaces x:")
d.update(x=V(2))
print("setdefault does not replace:")
d.setdefault("x", V(3))
print("popitem:")
d["y"] = V(4)
d.popitem()
print("del d['x']:")
del d["x"]
print("dict comprehension rebinding:")
d = {k: V(k) for k in range(5, 7)}
d = {}
print("end")
