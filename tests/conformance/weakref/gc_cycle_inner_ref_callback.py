import gc
import weakref

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

calls = []

def callback(ref):
    calls.append("called")

gc.disable()
gc.collect()
a = Node(1)
b = Node(2)
a.next = b
b.next = a
a.wr = weakref.ref(b, callback)
del a, b
print("collect:", gc.collect())
print("callback calls:", calls)
c = Node(3)
c.next = c
c.selfref = weakref.ref(c, callback)
del c
print("self-cycle holding a weakref to itself:", gc.collect())
print("callback calls:", calls)
gc.enable()
