import sys
class Holder:
    pass
a = []
h = Holder()
h.attr = a
print("as attribute:", sys.getrefcount(a))
h.other = a
print("two attributes:", sys.getrefcount(a))
setattr(h, "third", a)
print("setattr:", sys.getrefcount(a))
del h.attr
print("after del h.attr:", sys.getrefcount(a))
h.other = None
print("after rebinding other:", sys.getrefcount(a))
del h
print("after del h:", sys.getrefcount(a))
