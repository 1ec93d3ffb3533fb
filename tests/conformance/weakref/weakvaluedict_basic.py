import weakref

class Object:
    def __init__(self, arg):
        self.arg = arg
    def __repr__(self):
        return "<Object %r>" % self.arg

objects = [Object(i) for i in range(5)]
d = weakref.WeakValueDictionary()
for o in objects:
    d[o.arg] = o
del o
print("len:", len(d))
print("refcounts:", [weakref.getweakrefcount(o) for o in objects])
print("lookup:", d[3] is objects[3], d.get(9), 2 in d)
print("items:", sorted(d.items(), key=lambda kv: kv[0]))
del objects[0]
print("after one value died:", len(d), sorted(d.keys()))
objects[1] = None
print("after rebinding a slot:", len(d), sorted(d.keys()))
try:
    d[0]
except KeyError as e:
    print("KeyError:", e)
del objects
print("all values dead:", len(d), list(d.items()))
d[2] = Object(2)
print("temporary value vanishes at once:", len(d), 2 in d)
