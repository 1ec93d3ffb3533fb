x = None
print(x)
print(x is None, x is not None)
print(type(None).__name__)
print(True, False)
print(True + True, True * 10, False - 1)
print(int(True), float(False))
print(True == 1, False == 0, True is (1 == 1))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("x"))
print(bool([]), bool([0]), bool({}), bool(()), bool(None))
print(not None, not 0, not "a")
print(repr(True), str(False))
print(True > False, True < 2)
print(isinstance(True, int))
def nothing():
    pass
print(nothing())
print(nothing() is None)
