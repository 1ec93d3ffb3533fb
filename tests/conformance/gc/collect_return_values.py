import gc
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
gc.disable()
gc.collect()
a = Node(1); b = Node(2)
a.next = b; b.next = a
del a, b
print("2-node cycle:", gc.collect())
a = Node(1); b = Node(2); c = Node(3)
a.next = b; b.next = c; c.next = a
del a, b, c
print("3-node cycle:", gc.collect())
n = Node(0)
n.next = n
del n
print("self cycle:", gc.collect())
a = Node(1); b = Node(2)
a.next = b
del a, b
print("no cycle:", gc.collect())
gc.enable()
