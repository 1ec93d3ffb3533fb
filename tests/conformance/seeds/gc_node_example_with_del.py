import gc

gc.enable()

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
    def __del__(self):
        print("Node", self.value, "finalized")

node1 = Node(1)
node2 = Node(2)
node1.next = node2
node2.next = node1

del node1
print("deleted node1 name")
del node2
print("deleted node2 name; cycle keeps both alive")

print("collect ->", gc.collect())
print("end")
