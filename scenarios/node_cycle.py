# A reference cycle: alive after del, freed by gc.collect()
# Section: Tutorial, Garbage Collection
#: Reference counting alone cannot free objects that point at each other.
import gc

gc.enable()


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


node1 = Node(1)
node2 = Node(2)
#: Each node now holds a reference to the other: a cycle.
node1.next = node2
node2.next = node1

#: After the dels each node still has refcount 1 (from the other): alive but unreachable.
del node1
del node2

#: The collector finds the cycle (update_refs, subtract_refs, move_unreachable) and frees it.
print(gc.collect())
