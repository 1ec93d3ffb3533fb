class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)
r = Res("a")
print("before del")
del r
print("after del")
x = Res("b")
y = x
del x
print("x deleted, y still holds it")
del y
print("end")
