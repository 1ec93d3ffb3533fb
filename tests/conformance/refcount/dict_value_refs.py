import sys
v = []
d = {"k": v}
print("dict value:", sys.getrefcount(v))
d["k2"] = v
print("two values:", sys.getrefcount(v))
e = {"x": v, "y": v, "z": v}
print("plus three more:", sys.getrefcount(v))
del d["k"]
print("after del d['k']:", sys.getrefcount(v))
e.clear()
print("after e.clear():", sys.getrefcount(v))
d["k2"] = None
print("after overwrite:", sys.getrefcount(v))
