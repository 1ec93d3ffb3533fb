import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

gc.disable()
gc.collect()
a = Node(1)
b = Node(2)
a.next = b
b.next = a
print(sorted(a.__dict__), sorted(b.__dict__))
del a, b
print("cycle with both __dict__s:", gc.collect())
a = Node(1)
b = Node(2)
a.next = b
b.next = a
print(len(a.__dict__))
del a, b
print("cycle with one __dict__:", gc.collect())
print("gc.garbage:", gc.garbage)
gc.enable()
