from sys import getrefcount
x = []
print(getrefcount(x))
y = [x, x]
print(getrefcount(x))
rc = getrefcount
print(rc(x), rc(y))
