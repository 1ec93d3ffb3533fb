class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def f():
    a = D(1)
    b = D(2)
    c = D(3)
    print("returning")
def g():
    x = D("x")
    y = D("y")
    del x
    print("x deleted in g")
f()
print("---")
g()
print("end")
