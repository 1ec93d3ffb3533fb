a = [1, 2]
b = [3]
print(a + b, a * 3, 3 * b, [] * 5, a * 0)
print(a == [1, 2], a != b, a < b, [1, 2, 3] > [1, 2], [2] > [1, 9])
print(len(a + b), a)
print([1, [2, [3, [4]]]])
print(list("abc"), list((1, 2)), list(range(3)), list({"k": 1, "j": 2}))
print(list(), [None] * 2)
print([1, "a", 2.5, None, True, (1,), {"d": 1}])
print(min([4, 2, 8]), max([4, 2, 8]), sum([4, 2, 8]))
c = [0] * 3
c[1] = 5
print(c)
print([x for x in [3, 4]] + list(reversed([1, 2])))
