import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

gc.disable()
gc.collect()
stats = gc.get_stats()
print(type(stats).__name__, len(stats), [sorted(s) for s in stats])

def snap():
    return [(s["collections"], s["collected"], s["uncollectable"]) for s in gc.get_stats()]

def delta(old, new):
    return [tuple(b - a for a, b in zip(o, n)) for o, n in zip(old, new)]

old = snap()
gc.collect(0)
print("collect(0):", delta(old, snap()))
old = snap()
gc.collect(1)
print("collect(1):", delta(old, snap()))
old = snap()
gc.collect(2)
print("collect(2):", delta(old, snap()))
old = snap()
a = Node(1); b = Node(2)
a.next = b; b.next = a
del a, b
gc.collect()
print("2-node cycle, collect():", delta(old, snap()))
old = snap()
l = []
l.append(l)
del l
gc.collect(0)
print("self list, collect(0):", delta(old, snap()))
gc.enable()
