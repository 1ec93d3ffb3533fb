class Box:
    pass
b = Box()
b.x = 1
b.y = [0, 0]
b.y[1] = 5
print(b.x, b.y)
b.x += 10
print(b.x)
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 7
grid[0][0] += 1
print(grid)
d = {}
d["a"] = {}
d["a"]["b"] = 3
d["a"]["b"] *= 2
print(d)
b.inner = Box()
b.inner.val = "deep"
print(b.inner.val)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
b.x, b.z = "p", "q"
print(b.x, b.z)
