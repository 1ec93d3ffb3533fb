import sys
class S0:
    __slots__ = ()
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("a", "b")
class S5:
    __slots__ = ("a", "b", "c", "d", "e")
for cls in [S0, S1, S2, S5]:
    print(cls.__name__, sys.getsizeof(cls()))
s = S2()
s.a = [1, 2, 3]
s.b = "x" * 100
print(sys.getsizeof(s))
