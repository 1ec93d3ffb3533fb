import sys
class S:
    __slots__ = ()
print("slots=() class:", sys.getrefcount(S))
objs = [S() for _ in range(10)]
print("10 instances:", sys.getrefcount(S))
del objs
print("after del:", sys.getrefcount(S))
class T:
    __slots__ = ("a", "b")
print("slots=(a, b) class:", sys.getrefcount(T))
t = T()
v = []
t.a = v
print("instance:", sys.getrefcount(t), "slot value:", sys.getrefcount(v))
t.b = v
print("slot value in two slots:", sys.getrefcount(v))
del t
print("after del instance:", sys.getrefcount(v), sys.getrefcount(T))
