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
n = gc.collect(0)
count = gc.get_count()
print("collect(0) while reachable:", n, "count:", count)
del a, b
print("collect(0):", gc.collect(0))
print("collect(0):", gc.collect(0))
print("collect(1):", gc.collect(1))
print("collect(2):", gc.collect(2))
gc.enable()
