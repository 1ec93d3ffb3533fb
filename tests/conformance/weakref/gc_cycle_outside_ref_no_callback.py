import gc
import weakref

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
wa = weakref.ref(a)
wb = weakref.ref(b)
p = weakref.proxy(a)
del a, b
print("before:", wa().value, wb().value, p.value)
print("collect:", gc.collect())
print("after:", wa(), wb())
try:
    p.value
except ReferenceError as e:
    print("ReferenceError:", e)
gc.enable()
