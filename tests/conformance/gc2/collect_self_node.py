import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

gc.disable()
gc.collect()
n = Node(0)
n.next = n
print(n.next.next.value)
del n
print("self-referencing Node:", gc.collect())
n = Node(0)
n.next = n
print(vars(n) is n.__dict__)
del n
print("self-referencing Node after vars():", gc.collect())
n = Node([1, 2, 3])
n.next = n
del n
print("Node([1, 2, 3]) self-cycle:", gc.collect())
n = Node((1, [2]))
n.next = n
del n
print("Node((1, [2])) self-cycle:", gc.collect())
n = Node({"k": []})
n.next = n
del n
print("Node({'k': []}) self-cycle:", gc.collect())
gc.enable()
