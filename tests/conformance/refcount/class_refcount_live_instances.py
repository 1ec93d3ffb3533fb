import sys
class P:
    pass
print(sys.getrefcount(P))
items = [P() for _ in range(10)]
print("10 instances:", sys.getrefcount(P))
more = [P() for _ in range(100)]
print("110 instances:", sys.getrefcount(P))
del items
print("after deleting 10:", sys.getrefcount(P))
more.clear()
print("after clearing 100:", sys.getrefcount(P))
p = P()
print("one instance:", sys.getrefcount(P))
del p
print("none:", sys.getrefcount(P))
