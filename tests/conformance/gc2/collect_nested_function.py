import gc

def outer(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)

def no_cycle(n):
    def square(k):
        return k * k
    return square(n)

gc.disable()
gc.collect()
print(outer(5))
print("recursive nested function:", gc.collect())
print(outer(3), outer(4))
print("two calls:", gc.collect())
print(no_cycle(7))
print("non-recursive nested function:", gc.collect())
f = lambda: f
print(f() is f)
del f
print("global lambda (no cycle):", gc.collect())
gc.enable()
