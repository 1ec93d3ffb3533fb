class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

a, b, c = R(1), R(2), R(3)
print("del a, b, c:")
del a, b, c
a, b, c = R(4), R(5), R(6)
print("del c, a, b:")
del c, a, b
x = R(7)
y = R(8)
print("swap then drop:")
x, y = y, x
del x
del y
print("tuple unpacking rebinding:")
p, q = R(9), R(10)
p, q = None, None
print("end")
