import gc

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

events = []

def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"], sorted(info)))

gc.disable()
gc.collect()
gc.callbacks.append(cb)
a = Node(1)
b = Node(2)
a.next = b
b.next = a
del a, b
n = gc.collect()
print("collect returned", n)
for e in events:
    print(e)
events.clear()
gc.collect(0)
gc.collect(1)
for e in events:
    print(e)
gc.callbacks.remove(cb)
events.clear()
gc.collect()
print("after remove:", events, gc.callbacks)
gc.enable()
