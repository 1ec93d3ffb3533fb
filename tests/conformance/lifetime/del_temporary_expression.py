class Temp:
    def __init__(self, v):
        self.v = v
        print("make", v)
    def __del__(self):
        print("drop", self.v)
    def get(self):
        return self.v
print("value:", Temp(1).get())
print("after first")
x = Temp(2).get() + Temp(3).get()
print("sum", x)
Temp(4)
print("expression statement done")
