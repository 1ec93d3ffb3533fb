import weakref

class C:
    def __init__(self):
        self.bar = 1
    def hello(self, name):
        return "hello " + name

o = C()
p = weakref.proxy(o)
print(type(p).__name__, type(p) is weakref.ProxyType)
print("attribute:", p.bar)
o.foo = 1
print("added on object:", p.foo)
p.foo = 2
print("set via proxy:", o.foo)
del p.foo
print("deleted via proxy:", hasattr(o, "foo"))
print("method:", p.hello("proxy"))
print("isinstance(p, C):", isinstance(p, C), p.__class__ is C)
del o
try:
    p.bar
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    p.bar = 5
except ReferenceError as e:
    print("ReferenceError on set:", e)
try:
    bool(p)
except ReferenceError as e:
    print("ReferenceError on bool:", e)
