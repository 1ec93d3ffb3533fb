import weakref

class Object:
    def __init__(self, arg):
        self.arg = arg
    def __hash__(self):
        return hash(self.arg)

x = Object(42)
y = Object(42)
a = weakref.ref(x)
b = weakref.ref(y)
print("hash(a) == hash(42):", hash(a) == hash(42), hash(a))
del x, y
print("dead, hashed while alive:", hash(a))
try:
    hash(b)
except TypeError as e:
    print("TypeError:", e)

class Unhashable:
    __hash__ = None

u = Unhashable()
r = weakref.ref(u)
try:
    hash(r)
except TypeError as e:
    print("TypeError:", e)
d = {a: "value"}
print(d[a])
