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
c = [1]
c.append(c)
print(gc.collect(0), gc.collect(1))
del a, b, c
print("collect(0):", gc.collect(0))
print("collect(1):", gc.collect(1))
print("collect(0):", gc.collect(0))
print("collect(2):", gc.collect(2))
print("collect(2):", gc.collect(2))
x = Node(3)
x.next = x
print(gc.collect())
del x
print("after full collect, collect(0):", gc.collect(0))
print("collect(1):", gc.collect(1))
print("collect(2):", gc.collect(2))
gc.enable()
