import gc
import weakref

class Object:
    def __init__(self, arg):
        self.arg = arg
    def some_method(self):
        return 4

o = Object(1)
plain = weakref.ref(o.some_method)
print("plain ref to a bound method dies at once:", plain())
r = weakref.WeakMethod(o.some_method)
print(isinstance(r, weakref.ReferenceType))
print("alive:", r()(), r().__self__ is o, r().__func__ is Object.some_method)
calls = []
r2 = weakref.WeakMethod(o.some_method, lambda ref: calls.append(ref is r2))
del o
print("object dead:", r(), r2(), calls)

class Sub(Object):
    def some_method(self):
        return 6

s = Sub(2)
r3 = weakref.WeakMethod(s.some_method)
print(r3()())
del Sub.some_method
gc.collect()
print("method dead:", r3())
del s
