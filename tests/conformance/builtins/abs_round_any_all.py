print(abs(-5), abs(5.5), abs(-0.0), abs(-(10 ** 20)), abs(True))
print(round(3.14159, 2), round(2.5), round(-1.5), round(5, -1), round(15, -1), round(25, -1))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x", [0]]), all([1, 0]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -1]))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in [0, 2, 3]))
print(all(noisy(v) for v in [1, 0, 3]))
