import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("del", self.name)

gc.disable()
keep = [None]
gc.collect()

def build():
    keep[0] = [Node("a"), Node("b"), Node("c")]

# a, b, c are only reachable through the list, which is referenced from an
# older generation; collect(0) rescues them in the list's traversal order.
build()
print("collect(0):", gc.collect(0))
keep[0] = None
print("collect(1):", gc.collect(1))

def build_tuple():
    keep[0] = (Node("x"), Node("y"), Node("z"))

build_tuple()
print("collect(0):", gc.collect(0))
keep[0] = None
print("collect(1):", gc.collect(1))
gc.enable()
print("end")
