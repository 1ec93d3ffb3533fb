import gc
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
gc.disable()
gc.collect()
a = Node(1); b = Node(2)
a.next = b; b.next = a
vars(a); vars(b)
del a, b
print("cycle, __dict__ materialized:", gc.collect())
n = Node([1, 2, 3])
n.next = n
del n
print("self cycle holding a list:", gc.collect())
m = Node(5)
m.next = m
vars(m)
del m
print("self cycle with __dict__:", gc.collect())
gc.enable()
