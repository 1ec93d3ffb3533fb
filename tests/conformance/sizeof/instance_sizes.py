import sys
class A:
    pass
class B:
    def __init__(self):
        self.x = 1
class C:
    def __init__(self):
        self.x = 1
        self.y = 2
class E:
    def __init__(self):
        self.a = self.b = self.c = self.d = self.e = 0
for cls in [A, B, C, E]:
    o = cls()
    print(cls.__name__, sys.getsizeof(o))
c = C()
v = vars(c)
print("C after vars():", sys.getsizeof(c))
c.z = 3
print("C with extra attr:", sys.getsizeof(c))
