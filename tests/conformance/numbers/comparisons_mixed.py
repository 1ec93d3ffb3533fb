vals = [3, 2.5, True, -1, 10 ** 20, 0.0]
print(sorted(vals))
print(max(vals), min(vals))
print(1 < 2.5 < 10 ** 20)
print(2 ** 100 > 1e30, 2 ** 100 < 1e31)
print(-(2 ** 100) < -1e30)
print((1, 2.0) == (1.0, 2), [1] == [True])
print(0 == False, 1 == True, 2 == True)
