import gc

class Plain:
    def __init__(self, name):
        self.name = name

class Fin(Plain):
    def __del__(self):
        print("finalize", self.name, "sees", [o.name for o in self.links])

gc.disable()
gc.collect()
a = Plain("a")
f = Fin("f")
b = Plain("b")
a.links = [f]
f.links = [b, a]
b.links = [a]
del a, f, b
print("collected:", gc.collect())
gc.enable()
print("end")
