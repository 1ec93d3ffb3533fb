import sys
print(sys.getsizeof(1.5), sys.getsizeof(0.0), sys.getsizeof(float("inf")), sys.getsizeof(1e300))
print(sys.getsizeof(True), sys.getsizeof(False))
print(sys.getsizeof(None))
print(sys.getsizeof(object()))
print(sys.getsizeof(range(10)), sys.getsizeof(range(0)), sys.getsizeof(range(10 ** 30)))
print(sys.getsizeof(sys))
