import sys
a = [i for i in range(10000)]
print(sys.getsizeof(a))
b = list(range(10000))
print(sys.getsizeof(b))
c = [0] * 10000
print(sys.getsizeof(c))
d = [i for i in range(10000) if i % 2]
print(len(d), sys.getsizeof(d))
