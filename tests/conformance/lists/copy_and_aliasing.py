a = [1, [2, 3]]
b = a
c = a.copy()
d = a[:]
e = list(a)
a[0] = 99
a[1].append(4)
print(a, b, c, d, e)
print(c is a, c[1] is a[1])
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
rep = [[]] * 2
rep[0].append("x")
print(rep)
