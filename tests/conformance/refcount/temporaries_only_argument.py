import sys
print(sys.getrefcount([]))
print(sys.getrefcount({}))
print(sys.getrefcount(object()))
print(sys.getrefcount(float("1.5")))
print(sys.getrefcount([1, 2, 3]))
n = 30
print(sys.getrefcount(10 ** n))
print(sys.getrefcount("ab" * n))
class C:
    pass
print(sys.getrefcount(C()))
