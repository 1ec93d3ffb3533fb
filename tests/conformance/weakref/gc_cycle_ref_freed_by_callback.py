import gc
import weakref

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

registry = {}

def forget(ref):
    print("callback removes its own ref from the registry")
    del registry["k"]

gc.disable()
gc.collect()
a = Node(1)
a.next = a
registry["k"] = weakref.ref(a, forget)
del a
print("collect (cycle + the weakref freed after its callback):", gc.collect())
print("registry:", registry)
b = Node(2)
b.next = b
keep = weakref.ref(b, lambda r: print("kept ref's callback"))
del b
print("collect (weakref kept alive):", gc.collect())
gc.enable()
