import gc

class Noisy:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("__del__", self.name, "other:", self.other.name)

gc.disable()
gc.collect()
a = Noisy("a")
b = Noisy("b")
a.other = b
b.other = a
del a, b
print("collect ->", gc.collect())
print("garbage:", gc.garbage)
b = Noisy("B")
a = Noisy("A")
a.other = b
b.other = a
del a, b
print("collect ->", gc.collect())
print("collect again ->", gc.collect())
gc.enable()
