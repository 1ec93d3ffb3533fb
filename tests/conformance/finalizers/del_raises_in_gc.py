import gc

class Bad:
    def __init__(self, n):
        self.n = n
        self.me = self
    def __del__(self):
        print("finalizing", self.n)
        if self.n == 1:
            raise RuntimeError("finalizer %d failed" % self.n)

gc.disable()
gc.collect()
Bad(1)
Bad(2)
print("collect:", gc.collect())
print("gc.garbage:", gc.garbage)
print("end")
gc.enable()
