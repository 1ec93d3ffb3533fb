import gc
import sys

gc.enable()
print("gc enabled:", gc.isenabled())

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

node1 = Node(1)
node2 = Node(2)
print("refcounts before linking:", sys.getrefcount(node1), sys.getrefcount(node2))
node1.next = node2
node2.next = node1
print("refcounts after linking:", sys.getrefcount(node1), sys.getrefcount(node2))
print("Node class refcount:", sys.getrefcount(Node))

del node1
del node2
print("Node class refcount after del (cycle still alive):", sys.getrefcount(Node))

collected = gc.collect()
print("collected:", collected)
print("Node class refcount after collect:", sys.getrefcount(Node))
print("second collect:", gc.collect())
