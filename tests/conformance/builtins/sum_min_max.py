print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.5, 0.25]), sum(range(101)))
print(sum(x * x for x in range(5)), sum([[1], [2]], []))
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min("b", "a"))
words = ["banana", "kiwi", "apple", "fig"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max([], default="empty"), min([], default=None), max([7], default=0))
print(max([(1, "b"), (1, "c"), (0, "z")]), min([3, 1, 2], key=lambda v: -v))
print(max(2, 2.0), max(2.0, 2), min(1, True), min(True, 1))
print(max([-1, -5, 3], key=abs), min([-1, -5, 3], key=abs))
