import sys
for v in [0, 1, -1, 255, 2 ** 30 - 1, -(2 ** 30 - 1), 2 ** 30, 2 ** 60 - 1, 2 ** 60, 2 ** 90, 2 ** 100]:
    print(v, sys.getsizeof(v))
for k in range(12):
    n = 2 ** (30 * k)
    print(k, sys.getsizeof(n), sys.getsizeof(-n), sys.getsizeof(n - 1))
print(sys.getsizeof(10 ** 1000))
print(sys.getsizeof(2 ** 64), sys.getsizeof(-(2 ** 63)))
