import weakref

class A:
    pass

def add(x, y, z):
    print("add called with", x, y, z)
    return x + y + z

a = A()
f = weakref.finalize(a, add, 67, 43, z=89)
print("alive:", f.alive)
print("peek:", f.peek()[0] is a, f.peek()[1] is add, f.peek()[2:])
print("call:", f())
print("call again:", f())
print("alive:", f.alive, "peek:", f.peek(), "detach:", f.detach())

f = weakref.finalize(a, add, 1, 2, 3)
det = f.detach()
print("detach:", det[0] is a, det[2:], f.alive)
print("call after detach:", f())

del det
f = weakref.finalize(a, add, x=10, y=20, z=30)
print("alive:", f.alive, "atexit flag:", f.atexit)
print("deleting a")
del a
print("after del: alive", f.alive, "call:", f(), "atexit flag:", f.atexit)
