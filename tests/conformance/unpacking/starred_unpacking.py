first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b = [1]
print(a, b, type(b).__name__)
a, *b, c = (1, 2)
print(a, b, c)
*everything, = (1, 2, 3)
print(everything)
x, (y, *zs) = 0, [1, 2, 3]
print(x, y, zs)
for head, *tail in [(1, 2, 3), (4,)]:
    print(head, tail)
