import weakref

class Object:
    def __init__(self, arg):
        self.arg = arg

class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)
    def __call__(self):
        self.called = True
        return super().__call__()

o = Object("foo")
mr = MyRef(o, value=24)
print(mr() is o, mr.called, mr.value)
r2 = weakref.ref(o)
print("subclass ref not shared:", mr is not r2)
print("getweakrefs order (plain ref first):", [type(r).__name__ for r in weakref.getweakrefs(o)])
print(isinstance(mr, weakref.ref))
del o
print("dead:", mr(), r2())

class ExtendedRef(weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__counter = 0
        for k, v in annotations.items():
            setattr(self, k, v)
    def __call__(self):
        ob = super().__call__()
        if ob is not None:
            self.__counter += 1
            ob = (ob, self.__counter)
        return ob

a = Object(1)
r = ExtendedRef(a, foo=1, bar="baz")
print(r.foo, r.bar, r()[1], r()[1], r()[0] is a)
del a
print(r())
