class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)

a = Res("a")
b = a
del a
print("del a (b still refers)")
del b
print("del b")
x = Res("x1")
x = Res("x2")
print("rebound x")
x = None
print("x = None")
y = Res("y")
y = y
print("y = y keeps it")
del y
print("end")
