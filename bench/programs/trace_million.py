# ~1,000,000 trace steps: a loop building and dropping objects, with reference cycles the
# collector has to find (automatic collections every 700 allocations)
class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

kept = []
total = 0
for i in range(110000):
    a = Node(i)
    b = Node(i + 1)
    a.next = b
    b.next = a
    if i % 100 == 0:
        kept.append(a)
    total += a.value
print(total, len(kept))
