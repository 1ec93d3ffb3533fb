import sys
T = (object(), object())
for x in T:
    print("tuple", sys.getrefcount(T), sys.getrefcount(x))
D = {"a": [], "b": []}
for k in D:
    print("dict key loop, value rc:", sys.getrefcount(D[k]))
for v in D.values():
    print("values loop:", sys.getrefcount(v))
