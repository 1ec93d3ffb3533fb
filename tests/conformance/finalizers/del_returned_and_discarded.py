class Tmp:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del tmp", self.n)
    def value(self):
        return self.n * 10

def make(n):
    return Tmp(n)

make(1)
print("after discarded call")
print("value:", make(2).value())
print("after temporary method call")
x = [make(3), make(4)][1]
print("kept", x.n)
del x
print("len:", len([make(5)]))
print("end")
