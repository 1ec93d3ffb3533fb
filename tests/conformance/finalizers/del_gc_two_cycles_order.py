import gc

class N:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("del", self.name)

gc.disable()
gc.collect()
p1 = N("p1")
q1 = N("q1")
p2 = N("p2")
q2 = N("q2")
p1.peer = q1
q1.peer = p1
p2.peer = q2
q2.peer = p2
del q2, p1
del p2, q1
print("collected:", gc.collect())
x = N("x")
x.peer = x
gc.collect()
y = N("y")
y.peer = y
del x, y
print("young first, collect(0):", gc.collect(0))
print("then full:", gc.collect())
gc.enable()
print("end")
