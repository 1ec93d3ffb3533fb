a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None)
x = None
print(x is None, x is not None)
t = ()
e = tuple()
print(t is e, tuple([]) is t)
empty = ""
print(str() is empty)
s1 = "hello"
s2 = "hello"
print(s1 is s2)
n = 1000
m = n
print(n is m)
print(id(a) == id(b), id(a) == id(c))
class A:
    pass
o1 = A()
o2 = A()
print(o1 is o1, o1 is o2, o1 == o2)
print(type(o1) is A, type(o1) is type(o2))
one = 1
print(True is True, one is not None)
