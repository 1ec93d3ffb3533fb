import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
        self.b = 2

gc.disable()
gc.collect()

def c0():
    return gc.get_count()[0]

base = c0()
n = Node(1)
print("Node():", c0() - base)
base = c0()
d = n.__dict__
print("first __dict__ access:", c0() - base)
base = c0()
d = n.__dict__
print("second __dict__ access:", c0() - base)
base = c0()
s = Slotted()
print("slots instance:", c0() - base)
base = c0()
del s
print("del slots instance:", c0() - base)
base = c0()
f = lambda: 0
print("lambda:", c0() - base)
base = c0()
nodes = [Node(i) for i in range(5)]
print("5 Nodes in a new list:", c0() - base)
gc.enable()
