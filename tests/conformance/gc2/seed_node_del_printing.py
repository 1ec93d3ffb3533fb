import gc

gc.enable()

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
    def __del__(self):
        print("Node", self.value, "finalized; next is Node", self.next.value)

node1 = Node(1)
node2 = Node(2)
node1.next = node2
node2.next = node1

del node1
print("deleted node1")
del node2
print("deleted node2; the cycle keeps both alive")
print("gc.collect() ->", gc.collect())
print("gc.collect() ->", gc.collect())
node3 = Node(3)
node3.next = node3
node4 = Node(4)
node4.next = node3
del node3
print("deleted node3 (still referenced by node4)")
del node4
print("deleted node4")
print("gc.collect() ->", gc.collect())
print("end")
