import gc

calls = []

class Boom:
    def __getattr__(self, name):
        calls.append(name)
        del self.attr
        raise AttributeError(name)

gc.disable()
gc.collect()
a = Boom()
b = Boom()
a.attr = b
b.attr = a
del a, b
print("collect:", gc.collect())
print("__getattr__ calls during gc:", calls)
print("gc.garbage:", gc.garbage)
gc.enable()
