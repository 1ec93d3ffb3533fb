class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

r = Res("r")
r.__del__()
print("explicit call done; object still alive:", r.name)
del r
print("after del")

class Base:
    def __del__(self):
        print("Base.__del__", type(self).__name__)

class Child(Base):
    def __del__(self):
        print("Child.__del__")
        super().__del__()

class Plain(Base):
    pass

c = Child()
del c
p = Plain()
del p
print("end")
