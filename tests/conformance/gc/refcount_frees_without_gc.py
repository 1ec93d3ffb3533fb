import gc
class Tracked:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("freed", self.n)
gc.disable()
a = Tracked(1)
b = Tracked(2)
a.ref = b
print("deleting a (no cycle)")
del a
print("deleting b")
del b
print("collect finds nothing:", gc.collect())
gc.enable()
