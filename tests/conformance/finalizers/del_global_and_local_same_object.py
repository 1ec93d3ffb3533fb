class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

shared = R(1)

def use(obj):
    local = obj
    print("in use")

use(shared)
print("after use")
del shared
print("after del shared")

def make_closure():
    r = R(2)
    def show():
        return r.n
    return show

f = make_closure()
print("closure value:", f())
del f
print("closure dropped")
print("end")
