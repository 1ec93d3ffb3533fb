import gc

class Slot:
    __slots__ = ("name", "child")
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del slot", self.name)

s = Slot("outer", Slot("inner"))
print("deleting outer")
del s
gc.disable()
gc.collect()
a = Slot("a")
b = Slot("b", a)
a.child = b
del a, b
print("collect slots cycle:", gc.collect())
gc.enable()
print("end")
