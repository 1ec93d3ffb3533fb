# One list comprehension of 1,000,000 ints, then their sum.
# Exercises: the list-comprehension frame, list growth (list_resize), int allocation and the
# refcount cascade when the list is freed at exit.

numbers = [i * 3 for i in range(1000000)]
print(len(numbers))
print(sum(numbers))
