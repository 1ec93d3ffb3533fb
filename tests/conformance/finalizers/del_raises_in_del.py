class Bad:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("Bad.__del__", self.n)
        raise ValueError("bad %d" % self.n)

b = Bad(1)
del b
print("continues after the first ignored exception")
b = Bad(2)
b = None
print("continues after the second")

def scope():
    x = Bad(3)
    return "returned normally"

print(scope())
print("last ignored exception comes next")
Bad(4)
print("end")
