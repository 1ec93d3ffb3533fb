import weakref

class Object:
    pass

x = Object()
callback = lambda ref: print("callback ran")
ref1 = weakref.ref(x, callback)
print(ref1.__callback__ is callback)
ref2 = weakref.ref(x)
print(ref2.__callback__)
try:
    ref1.__callback__ = lambda ref: None
except AttributeError as e:
    print("AttributeError:", e)
del x
print("after death:", ref1.__callback__, ref2.__callback__)
