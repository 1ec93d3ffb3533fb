import sys
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
n1 = Node([])
n2 = Node([])
print(sys.getrefcount(n1), sys.getrefcount(n2))
n1.next = n2
print("n2 referenced by n1.next:", sys.getrefcount(n2))
n2.next = n1
print("cycle:", sys.getrefcount(n1), sys.getrefcount(n2))
n1.next = n1
print("self reference:", sys.getrefcount(n1), sys.getrefcount(n2))
print("value list:", sys.getrefcount(n1.value))
v = n1.value
print("value list bound:", sys.getrefcount(v))
