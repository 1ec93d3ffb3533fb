import gc

keep = []

class Phoenix:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("__del__", self.n, "finalized flag:", gc.is_finalized(self))
        keep.append(self)

p = Phoenix(1)
print("finalized before:", gc.is_finalized(p))
del p
print("resurrected:", len(keep), gc.is_finalized(keep[0]))
p = keep.pop()
print("got it back:", p.n)
del p
print("second death: no __del__ call")
print("keep:", keep)
print("end")
