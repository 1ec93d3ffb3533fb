class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
t = T(1)
print("rebinding")
t = T(2)
print("rebinding to None")
t = None
print("done")
