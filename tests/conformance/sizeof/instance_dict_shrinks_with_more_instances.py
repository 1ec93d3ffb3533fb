import sys
class K2:
    def __init__(self):
        self.a = 1
        self.b = 2
first = K2()
print(sys.getsizeof(vars(first)))
others = [K2() for _ in range(10)]
print(sys.getsizeof(vars(first)))
print(sys.getsizeof(vars(others[-1])))
class One:
    def __init__(self):
        self.v = 0
ones = [One(), One(), One()]
print([sys.getsizeof(vars(o)) for o in ones])
