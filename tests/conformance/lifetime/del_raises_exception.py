class Bad:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("Bad.__del__ start", self.n)
        1 / 0
b = Bad(1)
del b
print("program continues after ignored exception")
print("exit normally")
