import sys
for s in ["", "a", "hello", "hello world", "x" * 100, "y" * 1000]:
    print(len(s), sys.getsizeof(s))
for n in range(0, 20, 3):
    print(n, sys.getsizeof("z" * n))
print(sys.getsizeof(str(12345)), sys.getsizeof(repr([1, 2])), sys.getsizeof("-".join(["a", "b"])))
