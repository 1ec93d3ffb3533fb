class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def f():
    c = Res("c")
    a = Res("a")
    b = Res("b")
    print("leaving f")

def g():
    first = Res("first")
    second = Res("second")
    first = Res("first-2")
    print("leaving g")
    return second

f()
print("after f")
r = g()
print("after g, kept", r.name)
g()
print("after g, result discarded")
del r
print("end")
