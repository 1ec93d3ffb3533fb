import sys
class Key:
    pass
k = Key()
d = {k: 1}
print("as key:", sys.getrefcount(k))
d[k] = 2
print("same key reassigned:", sys.getrefcount(k))
d2 = dict(d)
print("copied dict:", sys.getrefcount(k))
del d[k]
print("after del:", sys.getrefcount(k))
d2.pop(k)
print("after pop:", sys.getrefcount(k))
