import sys
print(sys.getsizeof(()))
for n in range(1, 8):
    print(n, sys.getsizeof(tuple(range(n))))
print(sys.getsizeof((1,)), sys.getsizeof((1, 2)), sys.getsizeof((1, 2, 3)), sys.getsizeof((1, 2, 3, 4)), sys.getsizeof((1, 2, 3, 4, 5)))
print(sys.getsizeof(tuple([1, 2, 3])), sys.getsizeof(tuple(x for x in range(3))), sys.getsizeof((1, 2) + (3,)))
print(sys.getsizeof(tuple(range(100))))
