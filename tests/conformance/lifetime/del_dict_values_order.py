class V:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free value", self.n)
d = {"a": V(1), "b": V(2), "c": V(3)}
print("deleting dict")
del d
print("dict gone")
e = {"x": V(4), "y": V(5)}
print("pop x")
e.pop("x")
print("overwrite y")
e["y"] = 0
print("end")
