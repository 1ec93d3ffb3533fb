class Counter:
    def __init__(self, i):
        self.i = i
    def __del__(self):
        print("del", self.i)
for i in range(3):
    c = Counter(i)
    print("iteration", i)
print("loop done")
del c
print("end")
