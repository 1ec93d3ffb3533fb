import sys
try:
    raise ValueError("x")
except ValueError as e:
    print("in handler:", sys.getrefcount(e))
    saved = e
    print("saved:", sys.getrefcount(e))
print("after handler:", sys.getrefcount(saved))
err = KeyError("k")
print("plain instance:", sys.getrefcount(err))
