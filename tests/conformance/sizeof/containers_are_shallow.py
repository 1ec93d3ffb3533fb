import sys
small = [1, 2, 3]
big = ["x" * 1000, "y" * 1000, list(range(1000))]
print(sys.getsizeof(small), sys.getsizeof(big))
print(sys.getsizeof((1,)), sys.getsizeof(("z" * 10000,)))
print(sys.getsizeof({"k": 1}), sys.getsizeof({"k": "v" * 5000}))
nested = [[[[]]]]
print(sys.getsizeof(nested), sys.getsizeof(nested[0][0]))
