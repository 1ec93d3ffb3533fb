import sys
a, b, c = 1, 2, 3
print("[]", sys.getsizeof([]))
print("[1]", sys.getsizeof([1]))
print("[1, 2]", sys.getsizeof([1, 2]))
print("[1, 2, 3]", sys.getsizeof([1, 2, 3]))
print("[1, 2, 3, 4]", sys.getsizeof([1, 2, 3, 4]))
print("[1, 2, 3, 4, 5]", sys.getsizeof([1, 2, 3, 4, 5]))
print("[a, b, c]", sys.getsizeof([a, b, c]))
print("[a, b, c, a, b]", sys.getsizeof([a, b, c, a, b]))
print("['x', 'y', 'z']", sys.getsizeof(["x", "y", "z"]))
print("[[], []]", sys.getsizeof([[], []]))
print("[None] * 3", sys.getsizeof([None] * 3))
print("[0] * 10", sys.getsizeof([0] * 10))
