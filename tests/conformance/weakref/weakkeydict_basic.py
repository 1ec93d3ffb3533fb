import weakref

class Key:
    def __init__(self, name):
        self.name = name

keys = [Key("k%d" % i) for i in range(4)]
d = weakref.WeakKeyDictionary()
for i, k in enumerate(keys):
    d[k] = i * 10
del k
print("len:", len(d))
print("lookup:", d[keys[2]], keys[1] in d, d.get(Key("other"), "absent"))
print("refcount per key:", [weakref.getweakrefcount(k) for k in keys])
print("values:", sorted(d.values()))
del keys[0]
print("after a key died:", len(d))
keyrefs = d.keyrefs()
print("keyrefs:", len(keyrefs), sorted(r().name for r in keyrefs))
del keyrefs
keys.pop()
print("after pop:", len(d), sorted(k.name for k in d.keys()))
del keys
print("all keys dead:", len(d))
