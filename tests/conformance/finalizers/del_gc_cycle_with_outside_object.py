import gc

class Res:
    def __init__(self, name):
        self.name = name
        self.ref = None
    def __del__(self):
        print("del", self.name)

gc.disable()
gc.collect()
a = Res("a")
b = Res("b")
leaf = Res("leaf")
a.ref = b
b.ref = a
a.leaf = leaf
del leaf
del a, b
print("collect:")
print("collected", gc.collect())
print("end")
gc.enable()
