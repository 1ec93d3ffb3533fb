import sys
inner = []
outer = [[inner]]
print("in nested list:", sys.getrefcount(inner))
d = {"a": [inner, inner], "b": {"c": (inner,)}}
print("plus nested dict:", sys.getrefcount(inner))
mid = outer[0]
print("mid list:", sys.getrefcount(mid))
del outer
print("after del outer:", sys.getrefcount(inner), sys.getrefcount(mid))
del mid
print("after del mid:", sys.getrefcount(inner))
d["b"].clear()
print("after clearing d['b']:", sys.getrefcount(inner))
del d
print("after del d:", sys.getrefcount(inner))
