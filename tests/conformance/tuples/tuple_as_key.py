grid = {}
for x in range(3):
    for y in range(2):
        grid[(x, y)] = x * 10 + y
print(grid)
print(grid[(2, 1)], grid[1, 0])
print((0, 0) in grid, (5, 5) in grid)
points = {(1, 2): "a", (3, 4): "b"}
for (x, y), label in points.items():
    print(x, y, label)
