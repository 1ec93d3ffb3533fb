grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid)
print([v for row in grid for v in row])
print([[v * 2 for v in row if v % 2 == 0] for row in grid])
transposed = [[grid[r][c] for r in range(3)] for c in range(3)]
print(transposed)
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
flat = [x for sub in [[1, [2]], [3]] for x in sub]
print(flat)
print([[(i, j) for j in range(i)] for i in range(4)])
