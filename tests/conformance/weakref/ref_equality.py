import weakref

class Object:
    def __init__(self, arg):
        self.arg = arg
    def __eq__(self, other):
        if isinstance(other, Object):
            return self.arg == other.arg
        return NotImplemented
    def __hash__(self):
        return hash(self.arg)

x = Object(1)
y = Object(1)
z = Object(2)
a = weakref.ref(x)
b = weakref.ref(y)
c = weakref.ref(z)
d = weakref.ref(x)
print("a == b:", a == b, "a != b:", a != b)
print("a == c:", a == c, "a != c:", a != c)
print("a == d:", a == d, "a is d:", a is d)
print("a == x:", a == x, "a != x:", a != x)
del x, y, z
print("dead:", a(), b(), c())
print("dead a == b:", a == b, "a != b:", a != b)
print("dead a == a:", a == a)
print("dead a == d:", a == d)
