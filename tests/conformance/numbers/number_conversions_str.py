for v in [0, -1, 123, 10 ** 18, -(10 ** 25)]:
    print(str(v), repr(v), len(str(v)))
for v in [0.5, -1.25, 1e10, 1e-10, 3.0]:
    print(str(v), repr(v))
print(int("000123"), int("-0"), float("007.5"))
print(str(1) + str(2), int("1" + "2") + 1)
print(bool(0.0), bool(-0.0), bool(1e-300))
print(int(True), int(False), float(True))
