import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

gc.disable()
gc.collect()
print("debug flags:", gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print("debug flags:", gc.get_debug() == gc.DEBUG_SAVEALL)
a = Node(1)
b = Node(2)
a.next = b
b.next = a
del a, b
print("collect:", gc.collect())
print("garbage:", len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
print("values:", sorted(o.value for o in gc.garbage))
l = []
l.append(l)
del l
print("collect:", gc.collect())
names = [type(o).__name__ for o in gc.garbage]
print("garbage:", len(gc.garbage), sorted(names))
print("counts:", names.count("Node"), names.count("list"))
n = Node([1, 2])
n.next = n
vars(n)
del n
print("collect:", gc.collect())
print("garbage types:", sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print("collect after clearing gc.garbage:", gc.collect())
print("garbage:", gc.garbage, gc.get_debug())
gc.enable()
