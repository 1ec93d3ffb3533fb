import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("finalize", self.name)
gc.disable()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("cycle unreachable but not freed yet")
print("collected:", gc.collect())
print("after collect")
c = Node("c")
c.other = c
del c
print("self-cycle collect:", gc.collect())
gc.enable()
print("end")
