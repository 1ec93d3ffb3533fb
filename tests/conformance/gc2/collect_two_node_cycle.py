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
del a
print("after del a:", gc.collect())
del b
print("2-node cycle:", gc.collect())
print("gc.garbage:", gc.garbage)
print("again:", gc.collect())
gc.enable()
