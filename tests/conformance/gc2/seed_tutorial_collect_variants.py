import gc

gc.enable()

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

def build_and_drop(n):
    nodes = [Node(i) for i in range(n)]
    for i in range(n):
        nodes[i].next = nodes[(i + 1) % n]

gc.collect()
print("count after collect:", gc.get_count())
node1 = Node(1)
node2 = Node(2)
node1.next = node2
node2.next = node1
del node1
print("after del node1:", gc.collect())
del node2
print("after del node2:", gc.collect())
for n in (1, 2, 3, 10):
    build_and_drop(n)
    print("ring of", n, "->", gc.collect())
node1 = Node(1)
node2 = Node(2)
node1.next = node2
node2.next = node1
print(node1.__dict__ == {"value": 1, "next": node2})
del node1, node2
print("with one __dict__ materialized ->", gc.collect())
