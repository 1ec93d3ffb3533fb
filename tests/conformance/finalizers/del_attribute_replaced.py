class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

class Owner:
    def __init__(self):
        self.res = Res("first")
    def __del__(self):
        print("del owner holding", self.res.name)

o = Owner()
o.res = Res("second")
print("replaced attribute")
del o.res
print("deleted attribute")
o.res = Res("third")
print("deleting owner")
del o
print("end")
