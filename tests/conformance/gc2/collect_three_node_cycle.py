import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

def ring(n):
    first = Node(0)
    cur = first
    for i in range(1, n):
        cur.next = Node(i)
        cur = cur.next
    cur.next = first
    return first

gc.disable()
gc.collect()
a = Node(1); b = Node(2); c = Node(3)
a.next = b; b.next = c; c.next = a
del a, b, c
print("3-node cycle:", gc.collect())
r = ring(5)
print("ring values:", r.value, r.next.value, r.next.next.next.next.next.value)
del r
print("5-node ring:", gc.collect())
ring(10)
print("10-node ring returned and discarded:", gc.collect())
print("gc.garbage:", gc.garbage)
gc.enable()
