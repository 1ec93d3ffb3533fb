import sys
a = []
b = []
x = a
print(sys.getrefcount(a), sys.getrefcount(b))
x = b
print(sys.getrefcount(a), sys.getrefcount(b))
a, b = b, a
print(sys.getrefcount(a), sys.getrefcount(b))
x = None
print(sys.getrefcount(a), sys.getrefcount(b))
lst = [a, b]
lst[0] = b
print(sys.getrefcount(a), sys.getrefcount(b))
