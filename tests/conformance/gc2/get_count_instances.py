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

c0()
Node(0)  # puts the 1-tuple used for the call arguments on its free list
res = []
base = c0()
n = Node(1)
res.append(c0() - base)
base = c0()
d = n.__dict__
res.append(c0() - base)
base = c0()
d = n.__dict__
res.append(c0() - base)
base = c0()
s = Slotted()
res.append(c0() - base)
base = c0()
del s
res.append(c0() - base)
base = c0()
f = lambda: 0
res.append(c0() - base)
base = c0()
del f
res.append(c0() - base)
keep = []
base = c0()
for i in range(5):
    keep.append(Node(i))
res.append(c0() - base)
base = c0()
keep.clear()
res.append(c0() - base)
labels = ["Node()", "first __dict__ access", "second __dict__ access",
          "slots instance", "del slots instance", "lambda", "del lambda",
          "5 Nodes", "5 Nodes freed"]
for label, delta in zip(labels, res):
    print(label + ":", delta)
gc.enable()
