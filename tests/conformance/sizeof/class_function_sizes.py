import sys
class P:
    pass
class Q(P):
    x = 1
    def m(self):
        return 1
def f():
    return 0
g = lambda: 0
print("class", sys.getsizeof(P), sys.getsizeof(Q))
print("function", sys.getsizeof(f), "lambda", sys.getsizeof(g))
print("int type", sys.getsizeof(int))
print("bound method", sys.getsizeof(Q().m))
def outer():
    v = 1
    def inner():
        return v
    return inner
print("closure", sys.getsizeof(outer()))
