import gc
import weakref

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

def callback(ref):
    print("callback ran; ref() is None:", ref() is None, "same ref:", ref is wr)

gc.disable()
gc.collect()
a = Node(1)
b = Node(2)
a.next = b
b.next = a
wr = weakref.ref(a, callback)
del a, b
print("cycle unreachable, ref still alive:", wr() is not None)
print("collect:", gc.collect())
print("after collect:", wr())
print("collect again:", gc.collect())
gc.enable()
