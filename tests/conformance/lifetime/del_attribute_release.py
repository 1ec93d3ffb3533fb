class Part:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free part", self.name)
class Machine:
    def __init__(self):
        self.engine = Part("engine")
        self.wheel = Part("wheel")
    def __del__(self):
        print("free machine")
m = Machine()
print("replace engine")
m.engine = Part("engine2")
print("del wheel")
del m.wheel
print("del machine")
del m
print("end")
