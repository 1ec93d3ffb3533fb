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
del a, b
print("a.next = b, no cycle:", gc.collect())
head = None
for i in range(50):
    n = Node(i)
    n.next = head
    head = n
print("chain head:", head.value)
del head, n
print("50-node chain, no cycle:", gc.collect())
lst = [[i] for i in range(100)]
del lst
print("list of lists:", gc.collect())
gc.enable()
